/**
 * The API's web plumbing: its own stateless, token-only security chain on {@code /api/**}, bearer tokens, rate
 * limits per token and RFC 9457 problems in the request's language.
 */
package io.kehu.platform.api.web;
