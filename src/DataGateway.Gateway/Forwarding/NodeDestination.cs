namespace DataGateway.Gateway.Forwarding;

/// <summary>A data node chosen for a subject: its id (the ticket audience) and base address.</summary>
internal sealed record NodeDestination(string Id, string Address, HttpMessageInvoker Client);
