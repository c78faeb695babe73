// Swagger UI over this server's OpenAPI document (vendored bundle, no CDN, no inline script).
window.addEventListener("load", () => {
  window.SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
});
