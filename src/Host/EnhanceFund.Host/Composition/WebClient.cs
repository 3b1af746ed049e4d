using Microsoft.Net.Http.Headers;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// Serves the reference browser client (web/, bundled into webclient/ beside the binary) at <c>/</c>, on the same
/// origin as the API and the hub, so it needs no CORS and its token never crosses origins.
/// </summary>
internal static class WebClient
{
    /// <summary>
    /// The page may run only its own scripts and styles, talk only to its own origin (the API and the hub, WebSockets
    /// included), show its own images and its inline icon, and may not be framed by anyone: an injected script or
    /// a clickjacking frame gets nowhere, and a token in the page never leaves the origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void UseWebClient(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate every time (ETag, 304): index.html names the bundle with a content hash, so a
            // deployment reaches open browsers at their next load instead of after a cache expiry.
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
    }
}
