using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataGateway.Core.Identifiers;
using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Storage.Models;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// Step 2 of the score pipelines: strict parsing and the checks that precede consent, in a fixed order so a
/// request always gets the same code; no code or detail echoes a request value.
/// </summary>
internal sealed class ScoreAdmission(IModelRegistry registry)
{
    public static T Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new AdmissionException(ProblemCodes.InvalidJson);
        }
        catch (JsonException)
        {
            throw new AdmissionException(ProblemCodes.InvalidJson, "The body is malformed, has a duplicate or unknown member, or a member of the wrong type.");
        }
    }

    public static InstitutionPolicy Institution(AuditDraft draft, GatewayPolicy policy) =>
        draft.Institution is { } id && policy.Institutions.TryGetValue(id, out var institution)
            ? institution
            : throw new AdmissionException(ProblemCodes.InstitutionNotRegistered);

    public static void Purpose(string purpose, InstitutionPolicy institution, GatewayPolicy policy)
    {
        if (!policy.Purposes.Contains(purpose))
        {
            throw new AdmissionException(ProblemCodes.UnknownPurpose);
        }

        if (!institution.Purposes.Contains(purpose))
        {
            throw new AdmissionException(ProblemCodes.PurposeNotAllowed);
        }
    }

    public static Uscc Subject(string? text) =>
        Uscc.TryParse(text, out var subject, out _) ? subject : throw new AdmissionException(ProblemCodes.InvalidSubject);

    /// <summary>The institution's active model; 404 <c>model_not_found</c> for another institution's, a deleted or an unknown one.</summary>
    public async Task<RegisteredModel> ModelAsync(string institution, string id)
    {
        if (!ModelAdmission.IsValidId(id))
        {
            throw new AdmissionException(ProblemCodes.ModelNotFound);
        }

        var model = await ModelService.StoreAsync(() => registry.FindAsync(institution, id, CancellationToken.None));
        return model is { IsDeleted: false } ? model : throw new AdmissionException(ProblemCodes.ModelNotFound);
    }

    public static NodeScoreModel ToNode(RegisteredModel model) => new()
    {
        N = model.N,
        Scale = model.Scale,
        Features = model.Features,
        Weights = model.Weights,
        Bias = model.Bias,
        Commitment = model.Commitment,
    };

    /// <summary>The audit result digest of a score: base64url SHA-256 of the ciphertext's canonical wire form.</summary>
    public static string Digest(string ciphertext) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(ciphertext)));

    public static string NewId() => "scr_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(15));
}
