using System.Text.Json;
using System.Text.RegularExpressions;
using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Cryptography.Paillier;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Models;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Checks a model registration, cheapest first and every ciphertext before anything is stored or computed
/// (RELIABILITY.md P1-P3): shape (400 <c>invalid_model</c>), features (400 <c>unknown_field</c>), the public
/// key (400 <c>invalid_public_key</c>), every weight and the bias (400 <c>invalid_ciphertext</c>). The only
/// exponentiations are the key validator's Miller–Rabin rounds on n itself.
/// </summary>
internal static partial class ModelAdmission
{
    /// <summary>Largest scale: a weight w encodes as round(scale·w) and must stay far below n/3.</summary>
    public const long MaxScale = 1_000_000_000_000;

    public static ModelRegistrationRequest Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ScoringJson.Default.ModelRegistrationRequest)
                ?? throw new AdmissionException(ProblemCodes.InvalidJson);
        }
        catch (JsonException)
        {
            throw new AdmissionException(ProblemCodes.InvalidJson, "The body is malformed, has a duplicate or unknown member, or a member of the wrong type.");
        }
    }

    /// <summary>The model to store, with its commitment; throws <see cref="AdmissionException"/> on the first failed rule.</summary>
    public static RegisteredModel Admit(ModelRegistrationRequest request, ModelPolicy policy, string institution, string actor, DateTimeOffset now)
    {
        if (request.Id is null || request.PublicKey?.N is null || request.Scale is null || request.Features is null || request.Weights is null || request.Bias is null)
        {
            throw new AdmissionException(ProblemCodes.InvalidRequest, "id, publicKey.n, scale, features, weights and bias are required.");
        }

        if (!IdPattern().IsMatch(request.Id))
        {
            throw new AdmissionException(ProblemCodes.InvalidModel, "The id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (request.Scale is < 1 or > MaxScale)
        {
            throw new AdmissionException(ProblemCodes.InvalidModel, $"The scale is between 1 and {MaxScale}.");
        }

        if (request.Features.Count < policy.MinFeatures || request.Features.Count > policy.MaxFeatures)
        {
            throw new AdmissionException(ProblemCodes.InvalidModel, $"A model has between {policy.MinFeatures} and {policy.MaxFeatures} features.");
        }

        if (request.Weights.Count != request.Features.Count)
        {
            throw new AdmissionException(ProblemCodes.InvalidModel, "There must be exactly one weight per feature.");
        }

        var features = new string[request.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = ModelFeatures.FieldOf(request.Features[i]) is not null
                ? request.Features[i]!
                : throw new AdmissionException(ProblemCodes.UnknownField, "Features are scorable catalog fields or field=value indicators of categorical fields.");
        }

        if (features.Distinct(StringComparer.Ordinal).Count() != features.Length)
        {
            throw new AdmissionException(ProblemCodes.InvalidModel, "A feature may appear once per model.");
        }

        var keyError = PaillierPublicKeyValidator.TryParse(request.PublicKey.N, policy.KeyPolicy, out var key);
        if (keyError != PaillierKeyError.None || key!.ModulusBits > policy.MaxKeyBits)
        {
            throw new AdmissionException(ProblemCodes.InvalidPublicKey);
        }

        var weights = new string[features.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Ciphertext(key, request.Weights[i]);
        }

        var bias = Ciphertext(key, request.Bias);
        var n = key.ToBase64Url();
        return new RegisteredModel
        {
            Institution = institution,
            Id = request.Id,
            N = n,
            Scale = request.Scale.Value,
            Features = features,
            Weights = weights,
            Bias = bias,
            Commitment = ModelCommitment.Compute(n, request.Scale.Value, features, weights, bias),
            RegisteredBy = actor,
            RegisteredAt = now,
        };
    }

    /// <summary>Whether <paramref name="id"/> could name a model (path parameters are checked before any lookup).</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    // The canonical spelling is kept as given: TryParseCiphertext accepts only the canonical one.
    private static string Ciphertext(PaillierPublicKey key, string? text) =>
        key.TryParseCiphertext(text, out var ciphertext) == PaillierCiphertextError.None
            ? ciphertext!.ToBase64Url()
            : throw new AdmissionException(ProblemCodes.InvalidCiphertext);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
