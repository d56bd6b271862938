namespace DataGateway.Cryptography.Paillier.Scoring;

/// <summary>Which big-integer implementation runs the scoring hot loop.</summary>
public enum PaillierBackend
{
    /// <summary>libgmp when it loads, else managed.</summary>
    Auto,

    /// <summary>System.Numerics (portable; the test oracle).</summary>
    Managed,

    /// <summary>libgmp through LibraryImport; fails if the library is absent.</summary>
    Gmp,
}
