using System.Linq.Expressions;
using FluentValidation;

namespace PriceCapAttest.Domain.Validation;

/// <summary>
/// Base of the document validators: every rule is named by the camelCase JSON name of its property, so that
/// FluentValidation's property chain yields the JSON path (<c>ancillaryCosts[1].unit</c>) without touching the
/// global <c>ValidatorOptions</c>. All rules of a document run; within one property, the first failure stops it.
/// </summary>
public abstract class JsonPathValidator<T> : AbstractValidator<T>
{
    protected JsonPathValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <summary>A rule for the property, named by its JSON name.</summary>
    protected IRuleBuilderInitial<T, TProperty> Field<TProperty>(Expression<Func<T, TProperty>> property)
    {
        var name = JsonName(property);
        return RuleFor(property).Configure(rule => rule.PropertyName = name);
    }

    /// <summary>A rule for each entry of a list, named <c>list[i]</c>.</summary>
    protected IRuleBuilderInitialCollection<T, TElement> EachOf<TElement>(Expression<Func<T, IEnumerable<TElement>>> list)
    {
        var name = JsonName(list);
        return RuleForEach(list).Configure(rule => rule.PropertyName = name);
    }

    private static string JsonName(LambdaExpression property)
    {
        var body = property.Body is UnaryExpression unary ? unary.Operand : property.Body;
        var name = body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Expected a property access such as x => x.Name.", nameof(property));
        return string.Create(name.Length, name, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span[0] = char.ToLowerInvariant(span[0]);
        });
    }
}
