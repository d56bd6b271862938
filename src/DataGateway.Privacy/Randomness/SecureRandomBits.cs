using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DataGateway.Privacy.Randomness;

/// <summary>
/// Random bits from <see cref="RandomNumberGenerator"/>, read in blocks so one sample does
/// not pay one system call per 64 bits. Safe to share between threads.
/// </summary>
public sealed class SecureRandomBits : IRandomBits
{
    private const int BufferSizeInBytes = 4096;
    private readonly byte[] _buffer = new byte[BufferSizeInBytes];
    private readonly Lock _gate = new();
    private int _offset = BufferSizeInBytes;

    /// <inheritdoc />
    public ulong NextUInt64()
    {
        lock (_gate)
        {
            if (_offset == BufferSizeInBytes)
            {
                RandomNumberGenerator.Fill(_buffer);
                _offset = 0;
            }

            var value = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(_offset, sizeof(ulong)));
            // Bits already handed out are wiped so a later memory disclosure cannot replay noise.
            CryptographicOperations.ZeroMemory(_buffer.AsSpan(_offset, sizeof(ulong)));
            _offset += sizeof(ulong);
            return value;
        }
    }
}
