// The recursive-descent parser (private to src/lang): its state, token
// helpers and one member function per grammar rule. The rules live in
// parser_statements.cpp and parser_expressions.cpp, the error and span
// helpers in parser_core.cpp; parser.cpp holds the public entry points.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/ast_arena.h"
#include "lang/parser.h"
#include "lang/path_resolver.h"
#include "lang/token_stream.h"

namespace mos::lang::detail {

struct SyntaxErrorThrown {};

// A Body under construction, with an index for 2021.01's "assigned twice"
// rule (the later value replaces the earlier one in place).
struct BodyBuilder {
  Body& body;
  std::unordered_map<std::string, size_t> assignmentIndex;
  explicit BodyBuilder(Body& b) : body(b) {}
};

class Parser {
 public:
  Parser(TokenStream& ts, std::string mainDisplayName, int maxDepth, ParseResult& result)
      : ts_(ts), mainDisplay_(std::move(mainDisplayName)), result_(result), maxDepth_(maxDepth) {
    mainPath_ = ts_.files.empty() ? std::string() : *ts_.files[0].path;
    mainDir_ = ts_.files.empty() ? std::string() : ts_.files[0].dir;
    modelMainPath_ = mainPath_;
    modelMainDir_ = mainDir_;
    cwd_ = WorkingDirectory();
    tokens_ = ts_.tokens.data();
    cur_ = tokens_;
    last_ = tokens_ + (ts_.tokens.size() - 1);  // Tokenize always ends with End or Error
    messagesPending_ = !ts_.messages.empty();
  }

  std::shared_ptr<File> ParseInput();

  // A node of this parse, in the parse's arena (ast_arena.h).
  template <class T, class... Args>
  std::shared_ptr<T> Make(Args&&... args) {
    return std::allocate_shared<T>(ArenaAllocator<T>(arena_.arena), std::forward<Args>(args)...);
  }

 private:
  // ------------------------------------------------------------ tokens
  // The token vector does not change while parsing: the current and the
  // last token are kept as pointers (Peek runs several times per token;
  // an index cost a multiply by the token's size and, for the current
  // token, a needless clamp: cur_ never passes last_).
  [[gnu::always_inline]] const Token& Peek() {
    // Inline test first: most files have no lexer message at all.
    if (messagesPending_) FlushMessagesUpTo(Pos());
    return *cur_;
  }
  const Token& Peek(size_t ahead) {
    const Token* t = static_cast<size_t>(last_ - cur_) < ahead ? last_ : cur_ + ahead;
    if (messagesPending_) FlushMessagesUpTo(static_cast<size_t>(t - tokens_));
    return *t;
  }
  [[gnu::always_inline]] const Token& Next() {
    const Token& t = Peek();
    if (cur_ < last_) ++cur_;
    prev_ = &t;
    return t;
  }
  // The index of the current token.
  size_t Pos() const { return static_cast<size_t>(cur_ - tokens_); }
  // Inlined: called for nearly every token (out of line it cost a call
  // and its spills each time).
  [[gnu::always_inline]] bool IsPunct(char c) {
    const Token& t = Peek();
    return t.kind == TokenKind::Punct && t.ch == c;
  }
  bool IsPunct(char c, size_t ahead) {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::Punct && t.ch == c;
  }
  bool Accept(char c) {
    if (!IsPunct(c)) return false;
    Next();
    return true;
  }
  void Expect(char c) {
    if (!IsPunct(c)) SyntaxError();
    Next();
  }
  const Token& Expect(TokenKind k) {
    if (Peek().kind != k) SyntaxError();
    return Next();
  }

  void FlushMessagesUpTo(size_t index);

  // ------------------------------------------------------------ errors
  const std::string& FilePathOf(const Token& t) const;
  std::string ErrorFileName(const Token& t) const;
  // Diagnostics name the main file as the caller named it and other files
  // by their normalised path (echo lines follow 2021.01's own naming).
  std::string LocationName(const Token& t) const;
  std::string WarningFileName(const Token& t) const;

  void ReportParserError(const Token& at, const std::string& what);

  [[noreturn]] void SyntaxError();

  [[noreturn]] void DepthError();

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > p.maxDepth_) p.DepthError();
    }
    ~DepthGuard() { --p.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  // ------------------------------------------------------------ spans
  std::shared_ptr<const std::string> FileOf(const Token& t) const {
    return ts_.files[static_cast<size_t>(t.fileIndex)].path;
  }
  SourceSpan SpanFrom(const Token& start) const;
  SourceSpan SpanOf(const Token& t) const;
  SourceSpan SpanBetween(const SourceSpan& start) const;

  // ------------------------------------------------------------ statements
  void ParseUse(File& file);

  // statement: ';' | '{' inner_input '}' | module_instantiation | assignment
  //          | module definition | function definition
  void ParseStatement(BodyBuilder& body);

  void ParseModuleDefinition(BodyBuilder& body);

  void ParseFunctionDefinition(BodyBuilder& body);

  // assignment: ID '=' expr ';'
  void ParseAssignmentStatement(BodyBuilder& body);

  // 2021.01: a second assignment to a name in one scope replaces the value
  // (and location) of the first one, keeping its position, with a warning.
  void AddAssignment(BodyBuilder& body, Assignment a, const Token& start);

  // Comments between the previous token and the assignment (except one on
  // the previous token's line, which belongs to the statement before), and
  // the first comment on the line of the closing ';'.
  void AttachComments(Assignment& a, size_t firstToken, size_t semicolonToken);

  static bool IsModuleId(TokenKind k);
  static const char* KeywordText(TokenKind k);

  // module_instantiation: modifiers, if/else, or module_id '(' args ')' child
  StatementPtr ParseModuleInstantiation();

  StatementPtr ParseIfElse();

  // child_statement: ';' | '{' child_statements '}' | module_instantiation
  void ParseChildStatement(BodyBuilder& body);

  // ------------------------------------------------------------ arguments
  // arguments: empty | ','* argument (','+ argument)*
  // (2021.01 takes extra commas before and between arguments, not after.)
  std::vector<Argument> ParseArguments();
  std::vector<Argument> ParseArgumentListAndClose();
  // The items of `arguments`, up to (not including) ')' or ';'.
  std::vector<Argument> ParseArgumentItems();

  // The assignments of let(), for() and C-style for(): arguments whose
  // positional entries get an empty name.
  std::vector<Assignment> ArgumentsAsAssignments(std::vector<Argument> args);

  // parameters: any mix of commas and parameters, with at least one comma
  // between two parameters (2021.01 accepts `(,a,,b,)`).
  std::vector<Parameter> ParseParameters();

  // ------------------------------------------------------------ expressions
  static bool StartsExpr(const Token& t);

  // expr: logic_or | logic_or '?' expr ':' expr | function literal
  //     | let(...) expr | assert(...) [expr] | echo(...) [expr]
  ExprPtr ParseExpr();

  // Is the next token a literal or identifier that ends its expression
  // (followed by , ] ) ; or :)? Then ParseExpr's result is ParsePrimary's.
  // Inlined: asked for nearly every vector element and argument.
  [[gnu::always_inline]] bool LonePrimaryAhead() {
    switch (Peek().kind) {
      case TokenKind::Number: case TokenKind::String: case TokenKind::Identifier:
      case TokenKind::True: case TokenKind::False: case TokenKind::Undef: {
        // No operator, call, index, member or '?' can follow these.
        const Token& after = Peek(1);
        return after.kind == TokenKind::Punct && (after.ch == ',' || after.ch == ']' ||
                                                  after.ch == ')' || after.ch == ';' ||
                                                  after.ch == ':');
      }
      default:
        return false;
    }
  }

  // Binary operators by precedence climbing: || (1), && (2), == != (3),
  // < <= > >= (4), + - (5), * / % (6); all left-associative, as 2021.01's
  // logic_or ... multiplication rules. Each chained operator counts as a
  // nesting level (the tree gets deeper), so long chains are bounded too.
  static bool BinaryOperator(const Token& t, int& precedence, BinaryOp& op);

  ExprPtr MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r);

  ExprPtr ParseBinary(int minPrecedence);

  // unary: exponent | ('+' | '-' | '!') unary
  ExprPtr ParseUnary();

  // call: primary | call '(' args ')' | call '[' expr ']' | call '.' ID
  ExprPtr ParseCall();

  ExprPtr ParsePrimary();


  // '[' ']' | '[' ','+ ']' | '[' expr ':' expr [':' expr] ']'
  // | '[' vector_expr ','* ']'
  ExprPtr ParseVectorOrRange();

  // Does the '(' at `ahead` open a parenthesised list-comprehension element?
  // Skips let(...) prefixes, then looks for for/each/if.
  bool OpensLcParen(size_t ahead);

  // list_comprehension_elements_or_expr (allowParen) or, for the first vector
  // element, expr | list_comprehension_elements.
  ExprPtr ParseElementOrExpr(bool allowParen);

  // '(' list_comprehension_elements ')'
  ExprPtr ParseLcParen();

  // let '(' args ')' followed by a list-comprehension element (LcLet) or by
  // an expression (an ordinary let expression).
  ExprPtr ParseLetElementOrExpr();

  // for '(' args ')' body | for '(' args ';' expr ';' args ')' body
  ExprPtr ParseLcFor();

  TokenStream& ts_;
  std::string mainDisplay_;
  ParseResult& result_;
  std::string mainPath_, mainDir_, cwd_;
  // The model's main file: mainPath_ itself, or the file that `use`d it.
  std::string modelMainPath_, modelMainDir_;

 public:
  void SetModelMainFile(const std::string& path, const std::string& dir) {
    modelMainPath_ = path;
    modelMainDir_ = dir;
  }

 private:
  // The parser's reference to its arena (nodes hold theirs).
  struct ArenaRef {
    AstArena* arena = AstArena::Create();
    ArenaRef() = default;
    ArenaRef(const ArenaRef&) = delete;
    ArenaRef& operator=(const ArenaRef&) = delete;
    ~ArenaRef() { AstArena::Unref(arena); }
  } arena_;
  const Token* prev_ = nullptr;
  const Token* tokens_ = nullptr;
  const Token* cur_ = nullptr;
  const Token* last_ = nullptr;
  size_t nextMessage_ = 0;
  bool messagesPending_ = false;  // nextMessage_ < ts_.messages.size()
  int maxDepth_;
  // Whether the last ParseElementOrExpr saw list-comprehension syntax.
  bool lastElementWasLc_ = false;
  int depth_ = 0;
  BodyBuilder* topLevel_ = nullptr;
  // Elements of the vector literals being parsed (ParseVectorOrRange).
  std::vector<ExprPtr> elementStack_;
};

}  // namespace mos::lang::detail
