// Loads /api/openapi.json with the token typed above (kept only in this tab's sessionStorage) and sends it with
// every "Try it out" request: the API takes tokens only, never the browser's session cookie.
(function () {
  var form = document.getElementById('kehu-token-form');
  var input = document.getElementById('kehu-token');
  function load(token) {
    window.SwaggerUIBundle({
      url: '/api/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      requestInterceptor: function (request) {
        request.headers['Authorization'] = 'Bearer ' + token;
        request.headers['Accept-Language'] = document.documentElement.lang;
        return request;
      }
    });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = input.value.trim();
    if (token) {
      sessionStorage.setItem('kehu-api-token', token);
      load(token);
    }
  });
  var saved = sessionStorage.getItem('kehu-api-token');
  if (saved) {
    input.value = saved;
    load(saved);
  }
})();
