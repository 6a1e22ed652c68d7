using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Problems;

/// <summary>
/// Bad input found by a query service (<see cref="InvalidQueryException"/>) is 400 naming the parameter; any other
/// fault is the server's: 500, logged with its details, none of which are shown.
/// </summary>
public sealed partial class FaultFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (InvalidQueryException e)
        {
            return Problem.InvalidParameter(context.HttpContext, e.Field, e.Message);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any other fault is the server's: a problem answer, logged with its details.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<FaultFilter>>();
            LogFault(logger, Problem.Instance(context.HttpContext), e);
            return Problem.Internal(context.HttpContext);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Instance} failed")]
    private static partial void LogFault(ILogger logger, string instance, Exception exception);
}
