/** The API tokens screen: make (secret shown once, with a copy button), list and revoke tokens. */
package io.kehu.platform.api.ui;
