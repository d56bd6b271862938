using System.Text.Json;
using DataGateway.Core.Identifiers;
using DataGateway.Core.Verification;

namespace DataGateway.Gateway.Verification;

/// <summary>A verification that passed admission: every value checked against catalog and policy.</summary>
/// <param name="Subject">The enterprise asked about.</param>
/// <param name="Purpose">An allowed purpose.</param>
/// <param name="Checks">The checks in request order.</param>
internal sealed record AdmittedVerification(Uscc Subject, string Purpose, IReadOnlyList<AdmittedCheck> Checks);

/// <summary>One admitted check.</summary>
/// <param name="Definition">The catalog predicate.</param>
/// <param name="NodeParams">Parameters as the node receives them (personal values already HMACs).</param>
/// <param name="EchoParams">Parameters echoed in the answer; null when there are none or they are personal.</param>
internal sealed record AdmittedCheck(
    PredicateDefinition Definition,
    SortedDictionary<string, JsonElement> NodeParams,
    IReadOnlyDictionary<string, JsonElement>? EchoParams);
