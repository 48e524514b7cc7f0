namespace Billing.Access.Contracts;

/// <summary>The answer of <c>GET /v1/ping</c>: the environment the caller's key acts in (<c>test</c> or <c>live</c>).</summary>
public sealed record PingDto(string Environment);
