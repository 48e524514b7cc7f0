using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Billing.Host.Admin;

/// <summary>
/// API-3: the admin page, static files under <c>wwwroot/admin</c> served by this process. No build
/// step and no second back end: the page calls the public API with the admin key the user types in.
/// A strict content security policy allows nothing but this origin's own scripts and styles.
/// </summary>
internal static class AdminPage
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseAdminPageFiles(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "wwwroot", "admin"));
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/admin",
            OnPrepareResponse = context => Protect(context.Context.Response),
        });
    }

    public static IEndpointRouteBuilder MapAdminPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", (IWebHostEnvironment environment, HttpResponse response) =>
            {
                Protect(response);
                return Results.File(Path.Combine(environment.ContentRootPath, "wwwroot", "admin", "index.html"), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static void Protect(HttpResponse response)
    {
        response.Headers["Content-Security-Policy"] = Policy;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers[HeaderNames.CacheControl] = "no-cache";
    }
}
