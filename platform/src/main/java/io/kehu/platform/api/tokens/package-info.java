/** Storage of API tokens (V12), behind {@link io.kehu.platform.api.ApiTokens}. */
package io.kehu.platform.api.tokens;
