/** The OpenAPI 3.1 document generated from the published forms, and the interactive API page (Swagger UI). */
package io.kehu.platform.api.openapi;
