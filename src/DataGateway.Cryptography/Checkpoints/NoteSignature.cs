namespace DataGateway.Cryptography.Checkpoints;

/// <summary>One parsed signature line of a signed note.</summary>
/// <param name="KeyName">The key name.</param>
/// <param name="KeyId">The 32-bit key id.</param>
/// <param name="Signature">The signature bytes after the key id.</param>
internal readonly record struct NoteSignature(string KeyName, uint KeyId, byte[] Signature);
