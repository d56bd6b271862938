using System.Net.Http.Json;
using DataGateway.Client.Models;

namespace DataGateway.Client;

/// <summary>
/// The institution's model and score calls (API.md "Models and encrypted scores"). Weights travel
/// encrypted (<see cref="Scoring.ModelEncryptor"/>) and scores come back encrypted
/// (<see cref="Scoring.ScoreDecoder"/>); nothing here handles a plaintext weight or score.
/// </summary>
public sealed partial class DataGatewayClient
{
    /// <summary><c>POST /v1/models</c>: registers an encrypted model; <c>409 model_exists</c> when the id is taken.</summary>
    public async Task<ModelView> RegisterModelAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        using var message = Authenticated(HttpMethod.Post, "v1/models");
        message.Content = JsonContent.Create(registration, options: ClientJson.Options);
        return await SendAsync<ModelView>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/models</c>: the calling institution's models.</summary>
    public async Task<ModelList> ListModelsAsync(CancellationToken cancellationToken)
    {
        using var message = Authenticated(HttpMethod.Get, "v1/models");
        return await SendAsync<ModelList>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/models/{id}</c>; <c>404 model_not_found</c> for an unknown or deleted model.</summary>
    public async Task<ModelView> GetModelAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var message = Authenticated(HttpMethod.Get, "v1/models/" + Uri.EscapeDataString(id));
        return await SendAsync<ModelView>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /v1/models/{id}</c>: no further scores with the model; its id is never reused.</summary>
    public async Task DeleteModelAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var message = Authenticated(HttpMethod.Delete, "v1/models/" + Uri.EscapeDataString(id));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await ThrowIfRefusedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /v1/scores</c>: one subject's encrypted score.</summary>
    public async Task<ScoreResponse> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Authenticated(HttpMethod.Post, "v1/scores");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        return await SendAsync<ScoreResponse>(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /v1/scores/batch</c>: one score or one problem per subject, in order. A refusal of the
    /// whole batch (for example an unknown model) throws; a refusal of one subject is its entry's problem.
    /// </summary>
    /// <exception cref="InvalidDataException">The answer does not hold exactly one entry per subject, in order.</exception>
    public async Task<BatchScoreResponse> ScoreBatchAsync(BatchScoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = Authenticated(HttpMethod.Post, "v1/scores/batch");
        message.Content = JsonContent.Create(request, options: ClientJson.Options);
        var response = await SendAsync<BatchScoreResponse>(message, cancellationToken).ConfigureAwait(false);

        // Entries are matched to subjects by position; an answer that shifted one would attach a
        // score to the wrong enterprise.
        if (response.Results.Count != request.Subjects.Count ||
            response.Results.Where((item, i) => !string.Equals(item.Subject, request.Subjects[i], StringComparison.Ordinal)).Any())
        {
            throw new InvalidDataException("The gateway's batch answer does not hold one entry per subject asked, in order.");
        }

        return response;
    }
}
