using System.Numerics;
using System.Runtime.InteropServices;

namespace DataGateway.Cryptography.Paillier.Gmp;

/// <summary>
/// The few libgmp entry points the Paillier hot loop needs. The <c>mpz_*</c> names in gmp.h are macros
/// for these <c>__gmpz_*</c> symbols.
/// </summary>
/// <remarks>
/// libgmp.so.10 ships with every Debian and is several times faster than System.Numerics for
/// 4096-bit products (ARCHITECTURE.md "Encrypted scoring"); when it is absent the managed path runs.
/// </remarks>
internal static partial class GmpNative
{
    /// <summary>The shared object name (the ABI-stable soname).</summary>
    public const string Library = "libgmp.so.10";

    /// <summary>Bytes of an <c>__mpz_struct</c> on LP64: int alloc, int size, limb pointer.</summary>
    public const int MpzStructSize = 16;

    private static readonly Lazy<bool> Loaded = new(TryLoad);

    /// <summary>True when libgmp loads and its entry points resolve.</summary>
    public static bool IsAvailable => Loaded.Value;

    [LibraryImport(Library, EntryPoint = "__gmpz_init")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Init(nint integer);

    [LibraryImport(Library, EntryPoint = "__gmpz_clear")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Clear(nint integer);

    [LibraryImport(Library, EntryPoint = "__gmpz_set")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Set(GmpInteger result, GmpInteger value);

    [LibraryImport(Library, EntryPoint = "__gmpz_import")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Import(GmpInteger result, nuint count, int order, nuint size, int endian, nuint nails, ReadOnlySpan<byte> data);

    [LibraryImport(Library, EntryPoint = "__gmpz_export")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial nint Export(Span<byte> data, out nuint count, int order, nuint size, int endian, nuint nails, GmpInteger value);

    [LibraryImport(Library, EntryPoint = "__gmpz_sizeinbase")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial nuint SizeInBase(GmpInteger value, int numberBase);

    [LibraryImport(Library, EntryPoint = "__gmpz_mul")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Multiply(GmpInteger result, GmpInteger left, GmpInteger right);

    [LibraryImport(Library, EntryPoint = "__gmpz_mod")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void Mod(GmpInteger result, GmpInteger dividend, GmpInteger modulus);

    [LibraryImport(Library, EntryPoint = "__gmpz_powm")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void PowMod(GmpInteger result, GmpInteger value, GmpInteger exponent, GmpInteger modulus);

    // GMP manual §5.9: same time and cache access pattern for any two same-size arguments; needs an
    // odd modulus and a positive exponent. Used wherever the exponent or base is secret.
    [LibraryImport(Library, EntryPoint = "__gmpz_powm_sec")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static partial void PowModSecure(GmpInteger result, GmpInteger value, GmpInteger exponent, GmpInteger modulus);

    private static bool TryLoad()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess
            || !NativeLibrary.TryLoad(Library, typeof(GmpNative).Assembly, DllImportSearchPath.SafeDirectories, out var handle))
        {
            return false;
        }

        string[] symbols = ["__gmpz_init", "__gmpz_clear", "__gmpz_set", "__gmpz_import", "__gmpz_export", "__gmpz_sizeinbase",
            "__gmpz_mul", "__gmpz_mod", "__gmpz_powm", "__gmpz_powm_sec"];
        return symbols.All(symbol => NativeLibrary.TryGetExport(handle, symbol, out _)) && SelfTest();
    }

    // A known answer through import, powm_sec and export catches an ABI mismatch (another mpz_t
    // layout) before any real value goes through it.
    private static bool SelfTest()
    {
        try
        {
            using var result = GmpInteger.Create();
            using var value = GmpInteger.From(new BigInteger(ulong.MaxValue) * 3);
            using var exponent = GmpInteger.From(65537);
            using var modulus = GmpInteger.From((BigInteger.One << 127) - 1);
            PowModSecure(result, value, exponent, modulus);
            var expected = BigInteger.ModPow(new BigInteger(ulong.MaxValue) * 3, 65537, (BigInteger.One << 127) - 1);
            return result.ToBigInteger() == expected;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
