using DataGateway.Cryptography.Tickets;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>The node's log events. Never the ticket, the subject or a record value: only why.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused a node request: ticket {Reason}")]
    public static partial void TicketRefused(ILogger logger, TicketError reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Refused a node request: ticket kind or subject does not match the body")]
    public static partial void TicketDoesNotMatchBody(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Refused a node request: {Code}")]
    public static partial void RequestRefused(ILogger logger, string code);
}
