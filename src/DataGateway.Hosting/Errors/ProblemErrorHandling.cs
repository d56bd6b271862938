using DataGateway.Core.Problems;
using DataGateway.Hosting.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Hosting.Errors;

/// <summary>
/// Makes every error a problem+json with a stable code: unhandled exceptions become
/// <c>internal_error</c> without a stack trace, and bare status codes from routing (404,
/// 405, 413, 415) get their catalogue code.
/// </summary>
public static class ProblemErrorHandling
{
    /// <summary>Adds the exception handler and status-code problems to the pipeline.</summary>
    public static IApplicationBuilder UseProblemErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var code = error is BadHttpRequestException bad ? ForStatus(bad.StatusCode) : ProblemCodes.InternalError;
                context.Response.Clear();
                return Problem.WriteAsync(context, code);
            },

            // A malformed or cut-short request is the client's doing (a gateway abandoning a node call when its own
            // client left ends every such body early): an error with a stack trace per occurrence would bury real
            // faults. Kestrel still logs bad requests at debug level.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            return response.HasStarted || response.ContentLength > 0
                ? Task.CompletedTask
                : Problem.WriteAsync(context.HttpContext, ForStatus(response.StatusCode));
        });
        return app;
    }

    /// <summary>The catalogue code for a bare HTTP status.</summary>
    public static ProblemCode ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemCodes.InvalidRequest,
        StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ProblemCodes.RoleNotAllowed,
        StatusCodes.Status404NotFound => ProblemCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
        StatusCodes.Status408RequestTimeout => ProblemCodes.RequestTimeout,
        StatusCodes.Status413PayloadTooLarge => ProblemCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ProblemCodes.RateLimited,
        _ => ProblemCodes.InternalError,
    };
}
