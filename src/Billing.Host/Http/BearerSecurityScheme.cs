using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Billing.Host.Http;

/// <summary>Tells OpenAPI readers how to authenticate: <c>Authorization: Bearer &lt;api key&gt;</c>.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Billing API";
        document.Info.Description = "Usage-based billing. Authenticate with an API key: 'Authorization: Bearer <key>'. Errors are RFC 9457 problem details with a stable 'code'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key of the environment and role the route needs.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
