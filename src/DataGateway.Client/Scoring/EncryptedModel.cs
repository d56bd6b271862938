using DataGateway.Client.Models;

namespace DataGateway.Client.Scoring;

/// <summary>A model ready to register, and what the encoding cost in precision.</summary>
/// <param name="Registration">The body for <c>POST /v1/models</c>.</param>
/// <param name="Warnings">Weights that lost more than 1% to fixed-point rounding (raise the scale to keep them).</param>
public sealed record EncryptedModel(ModelRegistration Registration, IReadOnlyList<string> Warnings);
