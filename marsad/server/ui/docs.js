// The OpenAPI docs page: Swagger UI from the npm package swagger-ui-dist, served by this server.
window.addEventListener("DOMContentLoaded", () => {
  if (typeof window.SwaggerUIBundle !== "function") {
    document.getElementById("swagger").textContent =
      "swagger-ui-dist is not installed (run `npm ci` at the repository root); the schema is at /openapi.json";
    return;
  }
  window.SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger", validatorUrl: null, deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis], layout: "BaseLayout",
  });
});
