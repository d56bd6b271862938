using System.Net.Http.Json;
using DataGateway.Core.Contracts;

namespace DataGateway.Client;

/// <summary>The institution's statistics call (API.md "Aggregates").</summary>
public sealed partial class DataGatewayClient
{
    /// <summary>
    /// <c>POST /v1/aggregates</c> (role institution): noisy counts, sums or means by public dimensions.
    /// Spends <see cref="AggregateRequest.Epsilon"/> from the institution's budget unless the same
    /// query was already answered this period; a refusal surfaces as <see cref="DataGatewayProblemException"/>
    /// (<c>budget_exhausted</c> carries <see cref="DataGatewayProblemException.RetryAfter"/>).
    /// </summary>
    public async Task<AggregateResponse> AggregateAsync(AggregateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Authenticated(HttpMethod.Post, "v1/aggregates");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await SendAsync<AggregateResponse>(message, cancellationToken).ConfigureAwait(false);
    }
}
