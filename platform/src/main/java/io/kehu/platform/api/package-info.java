/**
 * The REST API over every published form, for shops, ERPs and chat tools: API tokens ({@link ApiTokens}, the front),
 * with the HTTP side inside ({@code web}: the token-only security chain, rate limits, problems; {@code rest}: the
 * record resources; {@code openapi}: the generated OpenAPI document and the API page; {@code ui}: the token screen).
 * See docs/api.md.
 */
package io.kehu.platform.api;
