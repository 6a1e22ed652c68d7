using System.Globalization;
using System.Text;

namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>
/// Parses the ARM template expression language: string and number literals, function calls, member access and
/// indexing. Enough for everything Bicep emits; see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions.
/// </summary>
public sealed class ArmExpressionParser
{
    private readonly string _text;
    private int _position;

    private ArmExpressionParser(string text) => _text = text;

    /// <summary>True when a JSON string is an expression ("[...]") rather than a literal ("[[..." escapes one).</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && value[1] != '[';

    public static ArmNode Parse(string expressionText)
    {
        var body = IsExpression(expressionText) ? expressionText[1..^1] : expressionText;
        var parser = new ArmExpressionParser(body);
        var node = parser.ParseExpression();
        parser.SkipWhitespace();
        if (parser._position != parser._text.Length)
        {
            throw parser.Error("unexpected text");
        }

        return node;
    }

    private ArmNode ParseExpression()
    {
        var node = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (Peek('.'))
            {
                _position++;
                node = new MemberNode(node, ReadIdentifier());
            }
            else if (Peek('['))
            {
                _position++;
                var index = ParseExpression();
                Expect(']');
                node = new IndexNode(node, index);
            }
            else
            {
                return node;
            }
        }
    }

    private ArmNode ParsePrimary()
    {
        SkipWhitespace();
        if (Peek('\''))
        {
            return new LiteralNode(ReadString());
        }

        if (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '-'))
        {
            var start = _position++;
            while (_position < _text.Length && char.IsDigit(_text[_position]))
            {
                _position++;
            }

            return new LiteralNode(long.Parse(_text[start.._position], CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier();
        Expect('(');
        var arguments = new List<ArmNode>();
        SkipWhitespace();
        if (!Peek(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryConsume(','));
        }

        Expect(')');
        return new CallNode(name, arguments);
    }

    private string ReadString()
    {
        Expect('\'');
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '\'')
            {
                if (Peek('\''))
                {
                    builder.Append('\'');
                    _position++;
                    continue;
                }

                return builder.ToString();
            }

            builder.Append(c);
        }
    }

    private string ReadIdentifier()
    {
        SkipWhitespace();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '#'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("identifier expected");
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private bool TryConsume(char c)
    {
        SkipWhitespace();
        if (!Peek(c))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"'{c}' expected");
        }
    }

    private FormatException Error(string what) =>
        new($"ARM expression: {what} at {_position} in [{_text}]");
}
