using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;

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

    /// <summary>
    /// Each entry of a list validated by <paramref name="entry"/>, its failures named <c>list[i].field</c>. The entry
    /// validator runs on each entry as a document of its own and its failures are renamed, which costs far less than
    /// RuleForEach with a child validator (a collection context, property chain and rule selection per entry).
    /// </summary>
    protected void EachOf<TElement>(Expression<Func<T, IReadOnlyList<TElement>>> list, IValidator<TElement> entry)
    {
        var name = JsonName(list);
        RuleFor(list).Configure(rule => rule.PropertyName = name).Custom((entries, context) =>
        {
            for (var i = 0; entries is not null && i < entries.Count; i++)
            {
                if (entries[i] is null) continue;
                foreach (var failure in entry.Validate(entries[i]).Errors)
                {
                    context.AddFailure(new ValidationFailure(
                        string.Create(CultureInfo.InvariantCulture, $"{name}[{i}].{failure.PropertyName}"), failure.ErrorMessage)
                    {
                        ErrorCode = failure.ErrorCode,
                    });
                }
            }
        });
    }

    /// <summary>The rules of an object property of <typeparamref name="T"/>, which run only when it is present.</summary>
    protected SectionRules<TSection> Section<TSection>(Expression<Func<T, TSection?>> section)
        where TSection : class =>
        new(this, section, section.Compile(), JsonName(section));

    private static string JsonName(LambdaExpression property)
    {
        var name = MemberOf(property).Name;
        return string.Create(name.Length, name, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span[0] = char.ToLowerInvariant(span[0]);
        });
    }

    private static System.Reflection.MemberInfo MemberOf(LambdaExpression property)
    {
        var body = property.Body is UnaryExpression unary ? unary.Operand : property.Body;
        return body is MemberExpression member
            ? member.Member
            : throw new ArgumentException("Expected a property access such as x => x.Name.", nameof(property));
    }

    /// <summary>
    /// The rules of a section (<c>attestor</c>, <c>cargo.quantity</c>), declared on the section's properties but run
    /// by this validator with the section's path: the failures are those a child validator would give, without a
    /// child validation context (property chain, result, paths built per rule) for every section of every document.
    /// </summary>
    protected sealed class SectionRules<TSection>
        where TSection : class
    {
        private readonly JsonPathValidator<T> _validator;
        private readonly Expression<Func<T, TSection?>> _section;
        private readonly Func<T, TSection?> _get;
        private readonly string _path;

        internal SectionRules(JsonPathValidator<T> validator, Expression<Func<T, TSection?>> section, Func<T, TSection?> get, string path)
        {
            _validator = validator;
            _section = section;
            _get = get;
            _path = path;
        }

        /// <summary>A rule for a property of the section, named <c>section.property</c>, skipped when the section is absent.</summary>
        public IRuleBuilderInitial<T, TProperty> Field<TProperty>(Expression<Func<TSection, TProperty>> property)
        {
            var path = $"{_path}.{JsonName(property)}";
            var get = _get;
            return _validator.RuleFor(Access<TProperty>(property)).Configure(rule =>
            {
                rule.PropertyName = path;
                rule.ApplySharedCondition(context => get(context.InstanceToValidate) is not null);
            });
        }

        /// <summary>The rules of an object property of the section (<c>cargo.quantity</c>).</summary>
        public SectionRules<TNested> Section<TNested>(Expression<Func<TSection, TNested?>> nested)
            where TNested : class
        {
            var get = _get;
            var getNested = nested.Compile();
            return new SectionRules<TNested>(_validator, Access<TNested?>(nested), document => get(document) is { } section ? getNested(section) : null,
                $"{_path}.{JsonName(nested)}");
        }

        /// <summary><c>x =&gt; x.Section.Property</c>, read only once the condition has found the section present.</summary>
        private Expression<Func<T, TProperty>> Access<TProperty>(LambdaExpression property) =>
            Expression.Lambda<Func<T, TProperty>>(
                Expression.MakeMemberAccess(_section.Body, MemberOf(property)), _section.Parameters);
    }
}
