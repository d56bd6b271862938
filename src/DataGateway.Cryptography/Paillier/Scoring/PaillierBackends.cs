using DataGateway.Cryptography.Paillier.Gmp;

namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>Resolves <see cref="PaillierBackend.Auto"/> and refuses an explicit libgmp request it cannot meet.</summary>
public static class PaillierBackends
{
    /// <summary>True when the libgmp fast path is usable in this process.</summary>
    public static bool GmpAvailable => GmpNative.IsAvailable;

    internal static bool UseGmp(PaillierBackend backend) => backend switch
    {
        PaillierBackend.Managed => false,
        PaillierBackend.Auto => GmpNative.IsAvailable,
        PaillierBackend.Gmp when GmpNative.IsAvailable => true,
        PaillierBackend.Gmp => throw new DllNotFoundException($"{GmpNative.Library} could not be loaded."),
        _ => throw new ArgumentOutOfRangeException(nameof(backend)),
    };
}
