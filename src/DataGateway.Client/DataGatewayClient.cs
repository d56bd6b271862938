using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Client;

/// <summary>
/// Typed calls to a DataGateway (API.md). Errors surface as <see cref="DataGatewayProblemException"/>;
/// the bearer token is sent on authenticated calls only and never appears in any exception or string.
/// </summary>
public sealed partial class DataGatewayClient
{
    private const string ProblemMediaType = "application/problem+json";

    private readonly HttpClient _http;
    private readonly string _bearerToken;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">An HttpClient whose BaseAddress is the gateway; the caller owns it.</param>
    /// <param name="bearerToken">The JWT sent as <c>Authorization: Bearer</c>.</param>
    public DataGatewayClient(HttpClient httpClient, string bearerToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(bearerToken);
        // Relative paths resolve against the base address (RFC 3986 §5.2): without a trailing
        // slash, a path prefix such as /dg would be silently dropped.
        if (httpClient.BaseAddress is not { IsAbsoluteUri: true } baseAddress || !baseAddress.AbsolutePath.EndsWith('/'))
        {
            throw new ArgumentException("The HttpClient needs an absolute BaseAddress ending in '/': the gateway's URL.", nameof(httpClient));
        }

        _http = httpClient;
        _bearerToken = bearerToken;
    }

    /// <summary><c>POST /v1/verifications</c>: signed answers to catalog predicates about one enterprise.</summary>
    /// <remarks>The answer is not verified here; check it with <see cref="AttestationVerifier.Verify"/>.</remarks>
    public async Task<VerificationResponse> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Authenticated(HttpMethod.Post, "v1/verifications");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await SendAsync<VerificationResponse>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /.well-known/jwks.json</c>: the keys that verify attestations and receipts.</summary>
    /// <exception cref="InvalidDataException">The document is not a valid JWK set.</exception>
    public async Task<JsonWebKeySet> GetJwksAsync(CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, ".well-known/jwks.json");
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await ThrowIfRefusedAsync(response, cancellationToken).ConfigureAwait(false);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonWebKeySet.TryParse(json, out var keys) && keys is not null
            ? keys
            : throw new InvalidDataException("The gateway's JWKS is not a valid JWK set.");
    }

    /// <summary><c>GET /v1/catalog</c>: fields, predicates and their allowed parameters, purposes.</summary>
    public async Task<JsonDocument> GetCatalogAsync(CancellationToken cancellationToken)
    {
        using var message = Authenticated(HttpMethod.Get, "v1/catalog");
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await ThrowIfRefusedAsync(response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"DataGatewayClient({_http.BaseAddress})";

    private HttpRequestMessage Authenticated(HttpMethod method, string path)
    {
        // Per request, not on DefaultRequestHeaders: the caller's HttpClient may be shared.
        var message = new HttpRequestMessage(method, path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearerToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await ThrowIfRefusedAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"The gateway answered {typeof(T).Name} with null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The gateway's answer is not a valid {typeof(T).Name}.", e);
        }
    }

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterOf(response);
        if (response.Content.Headers.ContentType?.MediaType == ProblemMediaType)
        {
            var problem = await ProblemDocument.TryReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                throw new DataGatewayProblemException(problem.Status ?? status, problem.Code ?? "unknown_problem", problem.Title, problem.Detail, retryAfter);
            }
        }

        throw new DataGatewayProblemException(status, "unexpected_response", response.ReasonPhrase ?? ((HttpStatusCode)status).ToString(), null, retryAfter);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
