namespace DataGateway.Cryptography.Tickets;

/// <summary>Why a node refuses a ticket.</summary>
public enum TicketError
{
    /// <summary>The ticket is valid.</summary>
    None,

    /// <summary>Absent, not a compact JWS, or claims missing.</summary>
    Malformed,

    /// <summary>Header names another algorithm, or the MAC does not verify.</summary>
    BadSignature,

    /// <summary>Issued for another node.</summary>
    WrongNode,

    /// <summary>Past its expiry (or issued in the future beyond the skew).</summary>
    Expired,

    /// <summary>The body hash differs from the one the ticket binds.</summary>
    QueryMismatch,

    /// <summary>The ticket id was already used.</summary>
    Replayed,
}
