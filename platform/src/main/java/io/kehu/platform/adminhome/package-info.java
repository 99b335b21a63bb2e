/**
 * The administrators' start page: what an administrator checks each morning, above their workspace on the home page
 * ({@link io.kehu.platform.ui.HomeSection}) — how many customers, open complaints and open tasks there are, every
 * plugin and its state (a failed one in red), what needs their attention (webhooks that fail or were switched off,
 * webhook rules that fail, imports that failed or stalled), the latest changes to records (who changed what, in words)
 * and links to the designer, users, import and the other consoles. Everything through the features' public fronts.
 */
package io.kehu.platform.adminhome;
