using System.Globalization;
using System.Net.Http.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.Client;

/// <summary>The owner's calls (API.md "Consent"): grant, list, read, revoke, access history.</summary>
public sealed partial class DataGatewayClient
{
    /// <summary><c>POST /v1/consents</c> (role owner): grants consent; the answer carries a signed receipt.</summary>
    /// <remarks>Check the receipt with <see cref="ConsentReceiptVerifier.Verify"/>.</remarks>
    public async Task<ConsentView> GrantConsentAsync(ConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Authenticated(HttpMethod.Post, "v1/consents");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await SendAsync<ConsentView>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/consents[?status=]</c>: the owner's grants, or those made to the calling institution.</summary>
    public async Task<ConsentList> ListConsentsAsync(string? status, CancellationToken cancellationToken)
    {
        using var message = Authenticated(HttpMethod.Get, status is null ? "v1/consents" : "v1/consents?status=" + Uri.EscapeDataString(status));
        return await SendAsync<ConsentList>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/consents/{id}</c>.</summary>
    public async Task<ConsentView> GetConsentAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var message = Authenticated(HttpMethod.Get, "v1/consents/" + Uri.EscapeDataString(id));
        return await SendAsync<ConsentView>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /v1/consents/{id}</c> (role owner): revokes for every query that starts after the answer.</summary>
    public async Task<ConsentView> RevokeConsentAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var path = "v1/consents/" + Uri.EscapeDataString(id) + (reason is null ? string.Empty : "?reason=" + Uri.EscapeDataString(reason));
        using var message = Authenticated(HttpMethod.Delete, path);
        return await SendAsync<ConsentView>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/owners/me/access-log</c> (role owner): one page of audited events about the owner's enterprise.</summary>
    public async Task<AccessLogPage> GetAccessLogAsync(string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var query = new List<string>(2);
        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        if (limit is { } size)
        {
            query.Add("limit=" + size.ToString(CultureInfo.InvariantCulture));
        }

        using var message = Authenticated(HttpMethod.Get, "v1/owners/me/access-log" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        return await SendAsync<AccessLogPage>(message, cancellationToken).ConfigureAwait(false);
    }
}
