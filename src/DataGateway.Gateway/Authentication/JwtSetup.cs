using System.Diagnostics;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataGateway.Gateway.Authentication;

/// <summary>
/// JWT bearer authentication pinned as RELIABILITY.md G1 asks: one algorithm, one issuer, one
/// audience, <c>typ</c> at+jwt, short skew, no key discovery from token headers; roles as
/// authorization policies and a deny-by-default fallback.
/// </summary>
internal static class JwtSetup
{
    /// <summary>Largest bearer token accepted; ours are under 1 KiB, so 8 KiB leaves room and refuses padding attacks.</summary>
    public const int MaxTokenBytes = 8 * 1024;

    /// <summary>The audit kind of a request refused because the caller's role may not use the endpoint.</summary>
    public const string AuthorizationKind = "authorization";

    // Key-discovery headers: a token that points at its own keys is refused, never followed (ASVS 5.0 §9.1.3).
    private static readonly string[] KeyDiscoveryHeaders = ["jku", "x5u", "jwk", "x5c"];

    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services, TokenSettings settings, TimeProvider time)
    {
        if (settings.ClockSkew > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException("Token clock skew above 60 s is refused (RELIABILITY.md config drift).");
        }

        services.AddSingleton<ValidatedTokenCache>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = MaxTokenBytes, MapInboundClaims = false });
                options.TimeProvider = time;
                options.RequireHttpsMetadata = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    ValidAlgorithms = [TokenSettings.Algorithm],
                    ValidTypes = [TokenSettings.TokenType],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    TryAllIssuerSigningKeys = false,
                    ClockSkew = settings.ClockSkew,
                    RoleClaimType = Roles.RoleClaim,
                    NameClaimType = Roles.SubjectClaim,
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = UseCachedValidation,
                    OnTokenValidated = RememberValidation,
                    OnAuthenticationFailed = LogFailure,
                    OnChallenge = WriteUnauthenticated,
                    OnForbidden = context => WriteForbiddenAsync(context.HttpContext),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Institution, p => p.RequireRole(Roles.Institution).RequireClaim(Roles.InstitutionClaim))
            .AddPolicy(Roles.Owner, p => p.RequireRole(Roles.Owner).RequireClaim(Roles.UsccClaim))
            .AddPolicy(Roles.Auditor, p => p.RequireRole(Roles.Auditor))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    private static Task UseCachedValidation(MessageReceivedContext context)
    {
        if (context.Request.Query.ContainsKey("access_token"))
        {
            // RFC 6750 §2: one method per request. A token in the query is never read, and beside a header token it
            // makes the request ambiguous (which principal asked?), so the request is refused (RELIABILITY.md G1).
            context.Fail("token in the query string");
            return Task.CompletedTask;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var token = header[7..].Trim();
        if (token.Length > MaxTokenBytes)
        {
            context.Fail("token too large");
            return Task.CompletedTask;
        }

        var cache = context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>();
        if (cache.TryGet(token, out var principal))
        {
            context.Principal = principal;
            context.Success();
        }
        else
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    private static Task RememberValidation(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken jwt || KeyDiscoveryHeaders.Any(name => jwt.TryGetHeaderValue<object>(name, out _)))
        {
            context.Fail("token header names key material");
            return Task.CompletedTask;
        }

        if (context.Principal is { } principal)
        {
            var cache = context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>();
            cache.Add(jwt.EncodedToken, principal, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        }

        return Task.CompletedTask;
    }

    private static Task LogFailure(AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DataGateway.Gateway.Authentication");
        GatewayLog.AuthenticationFailed(logger, context.Exception.GetType().Name); // never the token
        return Task.CompletedTask;
    }

    /// <summary>
    /// A valid token on an endpoint its role may not use (RELIABILITY.md G3): the attempt is audited as denied
    /// before the problem is written, so an auditor sees a bank probing <c>/v1/audit</c>.
    /// </summary>
    private static Task WriteForbiddenAsync(HttpContext context)
    {
        return AuditedRefusal.WriteAsync(context, AuthorizationKind, new AdmissionException(ProblemCodes.RoleNotAllowed), Stopwatch.GetTimestamp());
    }

    private static Task WriteUnauthenticated(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var hasToken = context.Request.Headers.Authorization.Count > 0;
        context.Response.Headers.WWWAuthenticate = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Problem.WriteAsync(context.HttpContext, ProblemCodes.Unauthenticated);
    }
}
