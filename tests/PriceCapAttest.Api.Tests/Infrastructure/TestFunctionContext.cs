using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// The FunctionContext a function gets on the test server: the request's route values as binding data (as the
/// Functions host passes the trigger's route parameters), its services and cancellation.
/// </summary>
internal sealed class TestFunctionContext(HttpContext http) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; } = new Binding(http.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value));

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get => http.RequestServices; set => throw new NotSupportedException(); }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => http.RequestAborted;

    private sealed class Binding(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }
}
