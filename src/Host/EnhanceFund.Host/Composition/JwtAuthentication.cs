using System.Text;
using EnhanceFund.BuildingBlocks.Web.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EnhanceFund.Host.Composition;

internal static class JwtAuthentication
{
    private const int MinimumKeyBytes = 32;

    public static void AddJwtAuthentication(this WebApplicationBuilder builder)
    {
        // The development key is public (it is in this repository): only Development may use it, and every other
        // environment (Staging, Testing, any name) must bring a key of its own or not start at all.
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.Section))
            .Validate(o => Encoding.UTF8.GetByteCount(o.SigningKey) >= MinimumKeyBytes,
                $"Jwt:SigningKey must be at least {MinimumKeyBytes} bytes.")
            .Validate(o => isDevelopment || (o.SigningKey.Length > 0 && o.SigningKey != JwtOptions.DevelopmentSigningKey),
                $"Jwt:SigningKey is not set to a secret of this environment's own: set Jwt__SigningKey (at least {MinimumKeyBytes} bytes). " +
                "The development key is for Development only.")
            .Validate(o => o.AccessTokenMinutes > 0, "Jwt:AccessTokenMinutes must be positive.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.Value.SigningKey)),
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadHubTokenFromQuery,
                    OnTokenValidated = RefuseAdminTokensOfEndedSignIns,
                };
            });
    }

    // An admin's token is good only while its sign-in stands: a retired admin, or one whose password was rotated
    // (perhaps because it leaked), loses the power to approve loans and requeue messages at once, not when the token
    // expires. One lookup per admin request; other users' tokens stand until they expire (Jwt__AccessTokenMinutes).
    private static async Task RefuseAdminTokensOfEndedSignIns(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (principal.Role() != Role.Admin) return;
        var signIns = context.HttpContext.RequestServices.GetRequiredService<ISignInCheck>();
        if (!await signIns.StandsAsync(principal.UserId(), principal.SignedInAt(), context.HttpContext.RequestAborted))
            context.Fail("The admin's sign-in has ended.");
    }

    // Browsers cannot set headers on a WebSocket, so the hub also takes the token from the query string:
    // SignalR's own access_token, or token as the original Django/Channels frontend sends it (docs/API.md).
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments("/hubs"))
        {
            var token = request.Query["access_token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
            if (!string.IsNullOrEmpty(token)) context.Token = token;
        }

        return Task.CompletedTask;
    }
}
