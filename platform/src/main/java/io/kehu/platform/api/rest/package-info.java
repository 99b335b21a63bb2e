/**
 * The REST resources of the API: records of every published form (list with filters, sort, keyset cursor and field
 * selection; get with ETag; create with Idempotency-Key; update and delete with If-Match; restore; history), JSON
 * conversion per field type and the problems of refused requests.
 */
package io.kehu.platform.api.rest;
