using System.Security.Cryptography;

namespace DataGateway.Cryptography.Signing;

/// <summary>One <see cref="ECDsa"/> per thread over the same P-256 key.</summary>
/// <remarks>
/// .NET documents instance members of <see cref="ECDsa"/> as not guaranteed thread-safe. The
/// OpenSSL-backed implementation happens to create a fresh EVP_PKEY_CTX per operation, but that
/// is an implementation detail, so a request-path signer does not rely on it: each thread
/// imports the key once and then signs without locks.
/// </remarks>
internal sealed class EcdsaPerThread : IDisposable
{
    private readonly ECParameters _parameters;
    private readonly ThreadLocal<ECDsa> _instances;
    private bool _disposed;

    public EcdsaPerThread(ECParameters parameters)
    {
        _parameters = parameters;
        _instances = new ThreadLocal<ECDsa>(() => ECDsa.Create(_parameters), trackAllValues: true);
    }

    public ECDsa Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _instances.Value!;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var instance in _instances.Values)
        {
            instance.Dispose();
        }

        _instances.Dispose();
        if (_parameters.D is { } d)
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }
}
