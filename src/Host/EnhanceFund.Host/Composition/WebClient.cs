using Microsoft.Net.Http.Headers;

namespace EnhanceFund.Host.Composition;

/// <summary>
/// Serves the reference browser client (web/, bundled into webclient/ beside the binary) at <c>/</c>, on the same
/// origin as the API and the hub, so it needs no CORS and its token never crosses origins.
/// </summary>
internal static class WebClient
{
    public static void UseWebClient(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate every time (ETag, 304): index.html names the bundle with a content hash, so a
            // deployment reaches open browsers at their next load instead of after a cache expiry.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
    }
}
