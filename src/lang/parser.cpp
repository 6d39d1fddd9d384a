// Recursive-descent parser for the OpenSCAD 2021.01 grammar.
//
// The structure follows 2021.01's grammar rule by rule (statement,
// module_instantiation, child_statement, expr ... primary, vector_expr and
// list_comprehension_elements) so that exactly the same programs are
// accepted and a syntax error is reported at the same token. Nesting is
// bounded by an explicit depth counter.
#include <filesystem>
#include <unordered_map>

#include "lang/customizer_annotations.h"
#include "lang/path_resolver.h"
#include "lang/token_stream.h"

namespace mos::lang {

const std::string& SourceSpan::FileName() const {
  static const std::string kEmpty;
  return file ? *file : kEmpty;
}

namespace {

constexpr int kMaxNestingDepth = 1000;

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
  Parser(TokenStream& ts, std::string mainDisplayName, ParseResult& result)
      : ts_(ts), mainDisplay_(std::move(mainDisplayName)), result_(result) {
    mainPath_ = ts_.files.empty() ? std::string() : *ts_.files[0].path;
    mainDir_ = ts_.files.empty() ? std::string() : ts_.files[0].dir;
    cwd_ = WorkingDirectory();
  }

  std::shared_ptr<File> ParseInput() {
    auto file = std::make_shared<File>();
    file->path = mainPath_;
    BodyBuilder top(file->body);
    topLevel_ = &top;
    while (Peek().kind != TokenKind::End) {
      if (Peek().kind == TokenKind::Use) {
        ParseUse(*file);
      } else {
        ParseStatement(top);
      }
    }
    FlushMessagesUpTo(ts_.tokens.size());
    file->includedFiles = ts_.includedFiles;
    return file;
  }

 private:
  // ------------------------------------------------------------ tokens
  const Token& Peek(size_t ahead = 0) {
    size_t i = pos_ + ahead;
    if (i >= ts_.tokens.size()) i = ts_.tokens.size() - 1;
    FlushMessagesUpTo(i);
    return ts_.tokens[i];
  }
  const Token& Next() {
    const Token& t = Peek();
    if (pos_ + 1 < ts_.tokens.size()) ++pos_;
    prev_ = &t;
    return t;
  }
  bool IsPunct(char c, size_t ahead = 0) {
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

  void FlushMessagesUpTo(size_t index) {
    while (nextMessage_ < ts_.messages.size() && ts_.messages[nextMessage_].tokenIndex <= index) {
      PendingMessage& m = ts_.messages[nextMessage_++];
      result_.diagnostics.push_back(m.diagnostic);
      result_.echoLines.push_back(m.echoLine);
    }
  }

  // ------------------------------------------------------------ errors
  const std::string& FilePathOf(const Token& t) const {
    return *ts_.files[static_cast<size_t>(t.fileIndex)].path;
  }
  std::string ErrorFileName(const Token& t) const {
    if (t.fileIndex == 0 && mainPath_.empty()) return mainDisplay_;
    return RelativeTo(FilePathOf(t), cwd_);
  }
  std::string WarningFileName(const Token& t) const {
    if (t.fileIndex == 0 && mainPath_.empty()) return mainDisplay_;
    return RelativeTo(FilePathOf(t), mainDir_);
  }

  void ReportParserError(const Token& at, const std::string& what) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "Parser error: " + what;
    d.location = {ErrorFileName(at), at.errorLine, at.column};
    result_.diagnostics.push_back(d);
    result_.echoLines.push_back("ERROR: Parser error: " + what + " in file " +
                                ErrorFileName(at) + ", line " + std::to_string(at.errorLine));
  }

  [[noreturn]] void SyntaxError() {
    const Token& at = Peek();
    if (at.kind == TokenKind::Error) ReportParserError(at, at.text);
    ReportParserError(at, "syntax error");
    throw SyntaxErrorThrown{};
  }

  [[noreturn]] void DepthError() {
    const Token& at = Peek();
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "Parser error: nesting deeper than " + std::to_string(kMaxNestingDepth) +
                " levels";
    d.location = {ErrorFileName(at), at.errorLine, at.column};
    result_.diagnostics.push_back(d);
    result_.echoLines.push_back("ERROR: " + d.message + " in file " + ErrorFileName(at) +
                                ", line " + std::to_string(at.errorLine));
    throw SyntaxErrorThrown{};
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNestingDepth) p.DepthError();
    }
    ~DepthGuard() { --p.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  // ------------------------------------------------------------ spans
  std::shared_ptr<const std::string> FileOf(const Token& t) const {
    return ts_.files[static_cast<size_t>(t.fileIndex)].path;
  }
  SourceSpan SpanFrom(const Token& start) const {
    SourceSpan s;
    s.file = FileOf(start);
    s.line = start.line;
    s.column = start.column;
    const Token& end = prev_ ? *prev_ : start;
    s.endLine = end.endLine;
    s.endColumn = end.endColumn;
    return s;
  }
  SourceSpan SpanOf(const Token& t) const {
    SourceSpan s;
    s.file = FileOf(t);
    s.line = t.line;
    s.column = t.column;
    s.endLine = t.endLine;
    s.endColumn = t.endColumn;
    return s;
  }
  SourceSpan SpanBetween(const SourceSpan& start) const {
    SourceSpan s = start;
    if (prev_) {
      s.endLine = prev_->endLine;
      s.endColumn = prev_->endColumn;
    }
    return s;
  }

  // ------------------------------------------------------------ statements
  void ParseUse(File& file) {
    const Token& t = Next();
    UseDirective use;
    use.path = t.text;
    use.resolved = ts_.useResolved[static_cast<size_t>(t.number)];
    use.span = SpanOf(t);
    if (use.resolved.empty()) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.message = "Can't open library '" + t.text + "'.";
      d.location = {ErrorFileName(t), t.line, t.column};
      result_.diagnostics.push_back(d);
      result_.echoLines.push_back("WARNING: " + d.message);
    }
    file.uses.push_back(std::move(use));
  }

  // statement: ';' | '{' inner_input '}' | module_instantiation | assignment
  //          | module definition | function definition
  void ParseStatement(BodyBuilder& body) {
    DepthGuard guard(*this);
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::Punct:
        if (t.ch == ';') {
          Next();
          return;
        }
        if (t.ch == '{') {
          Next();
          while (!IsPunct('}')) ParseStatement(body);
          Next();
          return;
        }
        break;
      case TokenKind::Module:
        ParseModuleDefinition(body);
        return;
      case TokenKind::Function:
        ParseFunctionDefinition(body);
        return;
      case TokenKind::Identifier:
        if (IsPunct('=', 1)) {
          ParseAssignmentStatement(body);
          return;
        }
        break;
      default:
        break;
    }
    body.body.instantiations.push_back(ParseModuleInstantiation());
  }

  void ParseModuleDefinition(BodyBuilder& body) {
    const Token& start = Next();  // module
    auto def = std::make_shared<ModuleDefinition>();
    def->name = Expect(TokenKind::Identifier).text;
    def->parameters = ParseParameters();
    def->span = SpanFrom(start);
    BodyBuilder inner(def->body);
    ParseStatement(inner);
    body.body.modules.push_back(std::move(def));
  }

  void ParseFunctionDefinition(BodyBuilder& body) {
    const Token& start = Next();  // function
    auto def = std::make_shared<FunctionDefinition>();
    def->name = Expect(TokenKind::Identifier).text;
    def->parameters = ParseParameters();
    Expect('=');
    def->body = ParseExpr();
    Expect(';');
    def->span = SpanFrom(start);
    body.body.functions.push_back(std::move(def));
  }

  // assignment: ID '=' expr ';'
  void ParseAssignmentStatement(BodyBuilder& body) {
    size_t startIndex = pos_;
    const Token& start = Next();
    Assignment a;
    a.name = start.text;
    Next();  // '='
    a.value = ParseExpr();
    Expect(';');
    a.span = SpanFrom(start);
    if (&body == topLevel_) AttachComments(a, startIndex, pos_ - 1);
    AddAssignment(body, std::move(a), start);
  }

  // 2021.01: a second assignment to a name in one scope replaces the value
  // (and location) of the first one, keeping its position, with a warning.
  void AddAssignment(BodyBuilder& body, Assignment a, const Token& start) {
    auto it = body.assignmentIndex.find(a.name);
    if (it == body.assignmentIndex.end()) {
      body.assignmentIndex.emplace(a.name, body.body.assignments.size());
      body.body.assignments.push_back(std::move(a));
      return;
    }
    Assignment& old = body.body.assignments[it->second];
    const std::string& prevFile = old.span.FileName();
    const std::string& currFile = a.span.FileName();
    bool prevMain = prevFile == mainPath_;
    bool currMain = currFile == mainPath_;
    std::string message;
    if (prevMain && currMain) {
      message = a.name + " was assigned on line " + std::to_string(old.span.line) +
                " but was overwritten";
    } else if (!currMain && (prevMain || prevFile == currFile)) {
      std::string prevName =
          prevMain && mainPath_.empty() ? mainDisplay_ : RelativeTo(prevFile, mainDir_);
      message = a.name + " was assigned on line " + std::to_string(old.span.line) + " of \"" +
                prevName + "\" but was overwritten";
    }
    if (!message.empty()) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.message = message;
      d.location = {WarningFileName(start), start.line, start.column};
      result_.diagnostics.push_back(d);
      result_.echoLines.push_back("WARNING: " + message + " in file " + WarningFileName(start) +
                                  ", line " + std::to_string(start.line));
    }
    old.value = std::move(a.value);
    old.span = std::move(a.span);
    if (!a.commentsBefore.empty() || !a.commentAfter.empty()) {
      old.commentsBefore = std::move(a.commentsBefore);
      old.commentAfter = std::move(a.commentAfter);
    }
  }

  // Comments between the previous token and the assignment (except one on
  // the previous token's line, which belongs to the statement before), and
  // the first comment on the line of the closing ';'.
  void AttachComments(Assignment& a, size_t firstToken, size_t semicolonToken) {
    const Token& first = ts_.tokens[firstToken];
    size_t from = firstToken > 0 ? ts_.tokens[firstToken - 1].commentIndex : 0;
    const Token* before = firstToken > 0 ? &ts_.tokens[firstToken - 1] : nullptr;
    for (size_t i = from; i < first.commentIndex; ++i) {
      const Comment& c = ts_.comments[i];
      if (before && c.fileIndex == before->fileIndex && c.line == before->endLine) continue;
      a.commentsBefore.push_back(c.text);
    }
    const Token& semi = ts_.tokens[semicolonToken];
    if (semicolonToken + 1 < ts_.tokens.size()) {
      const Token& after = ts_.tokens[semicolonToken + 1];
      for (size_t i = semi.commentIndex; i < after.commentIndex; ++i) {
        const Comment& c = ts_.comments[i];
        if (c.fileIndex == semi.fileIndex && c.line == semi.endLine) {
          a.commentAfter = c.text;
          break;
        }
      }
    }
  }

  static bool IsModuleId(TokenKind k) {
    return k == TokenKind::Identifier || k == TokenKind::For || k == TokenKind::Let ||
           k == TokenKind::Assert || k == TokenKind::Echo || k == TokenKind::Each;
  }
  static const char* KeywordText(TokenKind k) {
    switch (k) {
      case TokenKind::For: return "for";
      case TokenKind::Let: return "let";
      case TokenKind::Assert: return "assert";
      case TokenKind::Echo: return "echo";
      case TokenKind::Each: return "each";
      default: return "";
    }
  }

  // module_instantiation: modifiers, if/else, or module_id '(' args ')' child
  StatementPtr ParseModuleInstantiation() {
    DepthGuard guard(*this);
    const Token& start = Peek();
    if (start.kind == TokenKind::Punct &&
        (start.ch == '!' || start.ch == '#' || start.ch == '%' || start.ch == '*')) {
      char c = Next().ch;
      StatementPtr inner = ParseModuleInstantiation();
      auto copy = std::const_pointer_cast<Statement>(inner);
      if (c == '!') copy->modifiers.root = true;
      if (c == '#') copy->modifiers.highlight = true;
      if (c == '%') copy->modifiers.background = true;
      if (c == '*') copy->modifiers.disable = true;
      return inner;
    }
    if (start.kind == TokenKind::If) return ParseIfElse();
    if (!IsModuleId(start.kind)) SyntaxError();
    const Token& nameTok = Next();
    auto inst = std::make_shared<InstantiationStatement>(SpanOf(nameTok));
    inst->name = nameTok.kind == TokenKind::Identifier ? nameTok.text : KeywordText(nameTok.kind);
    inst->arguments = ParseArguments();
    inst->span = SpanBetween(inst->span);
    BodyBuilder children(inst->children);
    ParseChildStatement(children);
    return inst;
  }

  StatementPtr ParseIfElse() {
    const Token& start = Next();  // if
    auto stmt = std::make_shared<IfElseStatement>(SpanOf(start));
    Expect('(');
    stmt->condition = ParseExpr();
    Expect(')');
    stmt->span = SpanBetween(stmt->span);
    BodyBuilder ifTrue(stmt->ifTrue);
    ParseChildStatement(ifTrue);
    if (Peek().kind == TokenKind::Else) {
      Next();
      stmt->hasElse = true;
      BodyBuilder ifFalse(stmt->ifFalse);
      ParseChildStatement(ifFalse);
    }
    return stmt;
  }

  // child_statement: ';' | '{' child_statements '}' | module_instantiation
  void ParseChildStatement(BodyBuilder& body) {
    DepthGuard guard(*this);
    if (Accept(';')) return;
    if (Accept('{')) {
      while (!IsPunct('}')) {
        if (Peek().kind == TokenKind::Identifier && IsPunct('=', 1)) {
          ParseAssignmentStatement(body);
        } else {
          ParseChildStatement(body);
        }
      }
      Next();
      return;
    }
    body.body.instantiations.push_back(ParseModuleInstantiation());
  }

  // ------------------------------------------------------------ arguments
  // arguments: empty | ','* argument (','+ argument)*
  // (2021.01 takes extra commas before and between arguments, not after.)
  std::vector<Argument> ParseArguments() {
    Expect('(');
    return ParseArgumentListAndClose();
  }
  std::vector<Argument> ParseArgumentListAndClose() {
    std::vector<Argument> args = ParseArgumentItems();
    Expect(')');
    return args;
  }
  // The items of `arguments`, up to (not including) ')' or ';'.
  std::vector<Argument> ParseArgumentItems() {
    std::vector<Argument> args;
    if (IsPunct(')') || IsPunct(';')) return args;
    while (true) {
      while (Accept(',')) {
      }
      const Token& start = Peek();
      Argument a;
      if (start.kind == TokenKind::Identifier && IsPunct('=', 1)) {
        a.name = Next().text;
        Next();
      }
      a.value = ParseExpr();
      a.span = SpanFrom(start);
      args.push_back(std::move(a));
      if (!Accept(',')) return args;
    }
  }

  // The assignments of let(), for() and C-style for(): arguments whose
  // positional entries get an empty name.
  std::vector<Assignment> ArgumentsAsAssignments(std::vector<Argument> args) {
    std::vector<Assignment> out;
    out.reserve(args.size());
    for (Argument& a : args) {
      Assignment as;
      as.name = std::move(a.name);
      as.value = std::move(a.value);
      as.span = std::move(a.span);
      out.push_back(std::move(as));
    }
    return out;
  }

  // parameters: any mix of commas and parameters, with at least one comma
  // between two parameters (2021.01 accepts `(,a,,b,)`).
  std::vector<Parameter> ParseParameters() {
    Expect('(');
    std::vector<Parameter> params;
    while (true) {
      while (Accept(',')) {
      }
      if (Accept(')')) return params;
      const Token& start = Expect(TokenKind::Identifier);
      Parameter p;
      p.name = start.text;
      if (Accept('=')) p.defaultValue = ParseExpr();
      p.span = SpanFrom(start);
      params.push_back(std::move(p));
      if (!IsPunct(',')) {
        Expect(')');
        return params;
      }
    }
  }

  // ------------------------------------------------------------ expressions
  static bool StartsExpr(const Token& t) {
    switch (t.kind) {
      case TokenKind::Identifier: case TokenKind::Number: case TokenKind::String:
      case TokenKind::True: case TokenKind::False: case TokenKind::Undef:
      case TokenKind::Function: case TokenKind::Let: case TokenKind::Assert:
      case TokenKind::Echo:
        return true;
      case TokenKind::Punct:
        return t.ch == '(' || t.ch == '[' || t.ch == '-' || t.ch == '+' || t.ch == '!';
      default:
        return false;
    }
  }

  // expr: logic_or | logic_or '?' expr ':' expr | function literal
  //     | let(...) expr | assert(...) [expr] | echo(...) [expr]
  ExprPtr ParseExpr() {
    DepthGuard guard(*this);
    const Token& start = Peek();
    switch (start.kind) {
      case TokenKind::Function: {
        Next();
        auto e = std::make_shared<FunctionLiteralExpr>(SpanOf(start));
        e->parameters = ParseParameters();
        e->body = ParseExpr();
        e->span = SpanBetween(e->span);
        return e;
      }
      case TokenKind::Let: {
        Next();
        auto e = std::make_shared<LetExpr>(ExprKind::Let, SpanOf(start));
        e->assignments = ArgumentsAsAssignments(ParseArguments());
        e->body = ParseExpr();
        e->span = SpanBetween(e->span);
        return e;
      }
      case TokenKind::Assert:
      case TokenKind::Echo: {
        Next();
        auto e = std::make_shared<AssertOrEchoExpr>(
            start.kind == TokenKind::Assert ? ExprKind::Assert : ExprKind::Echo, SpanOf(start));
        e->arguments = ParseArguments();
        if (StartsExpr(Peek())) e->body = ParseExpr();
        e->span = SpanBetween(e->span);
        return e;
      }
      default:
        break;
    }
    ExprPtr cond = ParseLogicOr();
    if (!IsPunct('?')) return cond;
    Next();
    auto e = std::make_shared<TernaryExpr>(cond->span);
    e->condition = std::move(cond);
    e->ifTrue = ParseExpr();
    Expect(':');
    e->ifFalse = ParseExpr();
    e->span = SpanBetween(e->span);
    return e;
  }

  // Binary levels, all left-associative. Each chained operator counts as a
  // nesting level (the tree gets deeper), so long chains are bounded too.
  ExprPtr MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r) {
    SourceSpan s = l->span;
    s.endLine = r->span.endLine;
    s.endColumn = r->span.endColumn;
    return std::make_shared<BinaryExpr>(std::move(s), op, std::move(l), std::move(r));
  }

  bool MatchOr(BinaryOp& op) {
    if (Peek().kind != TokenKind::Or) return false;
    op = BinaryOp::Or;
    return true;
  }
  bool MatchAnd(BinaryOp& op) {
    if (Peek().kind != TokenKind::And) return false;
    op = BinaryOp::And;
    return true;
  }
  bool MatchEquality(BinaryOp& op) {
    TokenKind k = Peek().kind;
    if (k == TokenKind::Equal) op = BinaryOp::Equal;
    else if (k == TokenKind::NotEqual) op = BinaryOp::NotEqual;
    else return false;
    return true;
  }
  bool MatchComparison(BinaryOp& op) {
    const Token& t = Peek();
    if (t.kind == TokenKind::LessEqual) op = BinaryOp::LessEqual;
    else if (t.kind == TokenKind::GreaterEqual) op = BinaryOp::GreaterEqual;
    else if (t.kind == TokenKind::Punct && t.ch == '<') op = BinaryOp::Less;
    else if (t.kind == TokenKind::Punct && t.ch == '>') op = BinaryOp::Greater;
    else return false;
    return true;
  }
  bool MatchAddition(BinaryOp& op) {
    const Token& t = Peek();
    if (t.kind != TokenKind::Punct) return false;
    if (t.ch == '+') op = BinaryOp::Add;
    else if (t.ch == '-') op = BinaryOp::Subtract;
    else return false;
    return true;
  }
  bool MatchMultiplication(BinaryOp& op) {
    const Token& t = Peek();
    if (t.kind != TokenKind::Punct) return false;
    if (t.ch == '*') op = BinaryOp::Multiply;
    else if (t.ch == '/') op = BinaryOp::Divide;
    else if (t.ch == '%') op = BinaryOp::Modulo;
    else return false;
    return true;
  }

  template <typename Operand, typename Match>
  ExprPtr ParseLeftAssociative(Operand operand, Match match) {
    ExprPtr left = (this->*operand)();
    int chained = 0;
    BinaryOp op;
    while ((this->*match)(op)) {
      Next();
      ++chained;
      if (++depth_ > kMaxNestingDepth) {
        depth_ -= chained;
        DepthError();
      }
      ExprPtr right = (this->*operand)();
      left = MakeBinary(op, std::move(left), std::move(right));
    }
    depth_ -= chained;
    return left;
  }

  ExprPtr ParseLogicOr() { return ParseLeftAssociative(&Parser::ParseLogicAnd, &Parser::MatchOr); }
  ExprPtr ParseLogicAnd() { return ParseLeftAssociative(&Parser::ParseEquality, &Parser::MatchAnd); }
  ExprPtr ParseEquality() {
    return ParseLeftAssociative(&Parser::ParseComparison, &Parser::MatchEquality);
  }
  ExprPtr ParseComparison() {
    return ParseLeftAssociative(&Parser::ParseAddition, &Parser::MatchComparison);
  }
  ExprPtr ParseAddition() {
    return ParseLeftAssociative(&Parser::ParseMultiplication, &Parser::MatchAddition);
  }
  ExprPtr ParseMultiplication() {
    return ParseLeftAssociative(&Parser::ParseUnary, &Parser::MatchMultiplication);
  }

  // unary: exponent | ('+' | '-' | '!') unary
  ExprPtr ParseUnary() {
    DepthGuard guard(*this);
    const Token& t = Peek();
    if (t.kind == TokenKind::Punct && t.ch == '+') {
      // 2021.01 drops unary plus while parsing (`+"a"` is "a").
      Next();
      return ParseUnary();
    }
    if (t.kind == TokenKind::Punct && (t.ch == '-' || t.ch == '!')) {
      Next();
      UnaryOp op = t.ch == '-' ? UnaryOp::Negate : t.ch == '+' ? UnaryOp::Plus : UnaryOp::Not;
      SourceSpan s = SpanOf(t);
      ExprPtr operand = ParseUnary();
      s.endLine = operand->span.endLine;
      s.endColumn = operand->span.endColumn;
      return std::make_shared<UnaryExpr>(std::move(s), op, std::move(operand));
    }
    // exponent: call | call '^' unary   (right-associative, binds tighter
    // than unary minus on its left: -2^2 == -4)
    ExprPtr base = ParseCall();
    if (!IsPunct('^')) return base;
    Next();
    ExprPtr exponent = ParseUnary();
    return MakeBinary(BinaryOp::Power, std::move(base), std::move(exponent));
  }

  // call: primary | call '(' args ')' | call '[' expr ']' | call '.' ID
  ExprPtr ParseCall() {
    ExprPtr e = ParsePrimary();
    int chained = 0;
    while (true) {
      const Token& t = Peek();
      if (t.kind != TokenKind::Punct || (t.ch != '(' && t.ch != '[' && t.ch != '.')) break;
      if (++depth_ > kMaxNestingDepth) {
        depth_ -= chained;
        ++chained;
        DepthError();
      }
      ++chained;
      if (t.ch == '(') {
        auto call = std::make_shared<CallExpr>(e->span);
        call->callee = std::move(e);
        call->arguments = ParseArguments();
        call->span = SpanBetween(call->span);
        e = std::move(call);
      } else if (t.ch == '[') {
        Next();
        auto index = std::make_shared<IndexExpr>(e->span);
        index->object = std::move(e);
        index->index = ParseExpr();
        Expect(']');
        index->span = SpanBetween(index->span);
        e = std::move(index);
      } else {
        Next();
        auto member = std::make_shared<MemberExpr>(e->span);
        member->object = std::move(e);
        member->member = Expect(TokenKind::Identifier).text;
        member->span = SpanBetween(member->span);
        e = std::move(member);
      }
    }
    depth_ -= chained;
    return e;
  }

  ExprPtr ParsePrimary() {
    DepthGuard guard(*this);
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::True:
      case TokenKind::False: {
        Next();
        auto e = std::make_shared<LiteralExpr>(SpanOf(t));
        e->type = LiteralExpr::Type::Bool;
        e->boolValue = t.kind == TokenKind::True;
        return e;
      }
      case TokenKind::Undef: {
        Next();
        return std::make_shared<LiteralExpr>(SpanOf(t));
      }
      case TokenKind::Number: {
        Next();
        auto e = std::make_shared<LiteralExpr>(SpanOf(t));
        e->type = LiteralExpr::Type::Number;
        e->number = t.number;
        return e;
      }
      case TokenKind::String: {
        Next();
        auto e = std::make_shared<LiteralExpr>(SpanOf(t));
        e->type = LiteralExpr::Type::String;
        e->string = t.text;
        return e;
      }
      case TokenKind::Identifier: {
        Next();
        return std::make_shared<IdentifierExpr>(SpanOf(t), t.text);
      }
      case TokenKind::Punct:
        if (t.ch == '(') {
          Next();
          ExprPtr e = ParseExpr();
          Expect(')');
          return e;
        }
        if (t.ch == '[') return ParseVectorOrRange();
        break;
      default:
        break;
    }
    SyntaxError();
  }

  static bool IsLcKind(ExprKind k) {
    return k == ExprKind::LcFor || k == ExprKind::LcForC || k == ExprKind::LcIf ||
           k == ExprKind::LcEach || k == ExprKind::LcLet;
  }

  // '[' ']' | '[' ','+ ']' | '[' expr ':' expr [':' expr] ']'
  // | '[' vector_expr ','* ']'
  ExprPtr ParseVectorOrRange() {
    const Token& start = Next();  // '['
    auto vec = std::make_shared<VectorExpr>(SpanOf(start));
    if (IsPunct(']') || IsPunct(',')) {
      while (Accept(',')) {
      }
      Expect(']');
      vec->span = SpanFrom(start);
      return vec;
    }
    // The first element may be a list-comprehension element, but not a
    // parenthesised one (2021.01's vector_expr: expr | lc_elements).
    ExprPtr first = ParseElementOrExpr(false);
    if (!IsLcKind(first->kind) && IsPunct(':')) {
      Next();
      auto range = std::make_shared<RangeExpr>(SpanOf(start));
      range->begin = std::move(first);
      ExprPtr second = ParseExpr();
      if (Accept(':')) {
        range->step = std::move(second);
        range->end = ParseExpr();
      } else {
        range->end = std::move(second);
      }
      Expect(']');
      range->span = SpanFrom(start);
      return range;
    }
    vec->elements.push_back(std::move(first));
    while (Accept(',')) {
      while (Accept(',')) {
      }
      if (IsPunct(']')) break;
      vec->elements.push_back(ParseElementOrExpr(true));
    }
    Expect(']');
    vec->span = SpanFrom(start);
    return vec;
  }

  // Does the '(' at `ahead` open a parenthesised list-comprehension element?
  // Skips let(...) prefixes, then looks for for/each/if.
  bool OpensLcParen(size_t ahead) {
    size_t i = pos_ + ahead + 1;
    size_t limit = pos_ + ahead + 100000;
    while (i < ts_.tokens.size() && i < limit) {
      const Token& t = ts_.tokens[i];
      if (t.kind == TokenKind::For || t.kind == TokenKind::Each || t.kind == TokenKind::If)
        return true;
      if (t.kind != TokenKind::Let) return false;
      if (i + 1 >= ts_.tokens.size()) return false;
      const Token& open = ts_.tokens[i + 1];
      if (open.kind != TokenKind::Punct || open.ch != '(') return false;
      int level = 0;
      size_t j = i + 1;
      for (; j < ts_.tokens.size() && j < limit; ++j) {
        const Token& u = ts_.tokens[j];
        if (u.kind == TokenKind::Punct && u.ch == '(') ++level;
        if (u.kind == TokenKind::Punct && u.ch == ')' && --level == 0) break;
        if (u.kind == TokenKind::End || u.kind == TokenKind::Error) return false;
      }
      i = j + 1;
    }
    return false;
  }

  // list_comprehension_elements_or_expr (allowParen) or, for the first vector
  // element, expr | list_comprehension_elements.
  ExprPtr ParseElementOrExpr(bool allowParen) {
    DepthGuard guard(*this);
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::For: return ParseLcFor();
      case TokenKind::Each: {
        Next();
        auto e = std::make_shared<LcEachExpr>(SpanOf(t));
        e->body = ParseElementOrExpr(true);
        e->span = SpanBetween(e->span);
        return e;
      }
      case TokenKind::If: {
        Next();
        auto e = std::make_shared<LcIfExpr>(SpanOf(t));
        Expect('(');
        e->condition = ParseExpr();
        Expect(')');
        e->ifTrue = ParseElementOrExpr(true);
        if (Peek().kind == TokenKind::Else) {
          Next();
          e->ifFalse = ParseElementOrExpr(true);
        }
        e->span = SpanBetween(e->span);
        return e;
      }
      case TokenKind::Let: return ParseLetElementOrExpr();
      case TokenKind::Punct:
        if (allowParen && t.ch == '(' && OpensLcParen(0)) return ParseLcParen();
        break;
      default:
        break;
    }
    return ParseExpr();
  }

  // '(' list_comprehension_elements ')'
  ExprPtr ParseLcParen() {
    Next();  // '('
    ExprPtr e = ParseElementOrExpr(false);
    if (!IsLcKind(e->kind)) SyntaxError();
    Expect(')');
    return e;
  }

  // let '(' args ')' followed by a list-comprehension element (LcLet) or by
  // an expression (an ordinary let expression).
  ExprPtr ParseLetElementOrExpr() {
    const Token& start = Next();  // let
    std::vector<Assignment> assignments = ArgumentsAsAssignments(ParseArguments());
    const Token& t = Peek();
    ExprPtr body;
    bool lc = false;
    if (t.kind == TokenKind::For || t.kind == TokenKind::Each || t.kind == TokenKind::If ||
        t.kind == TokenKind::Let) {
      body = ParseElementOrExpr(false);
      lc = IsLcKind(body->kind);
    } else if (t.kind == TokenKind::Punct && t.ch == '(' && OpensLcParen(0)) {
      body = ParseLcParen();
      lc = true;
    } else {
      body = ParseExpr();
    }
    auto e = std::make_shared<LetExpr>(lc ? ExprKind::LcLet : ExprKind::Let, SpanOf(start));
    e->assignments = std::move(assignments);
    e->body = std::move(body);
    e->span = SpanBetween(e->span);
    return e;
  }

  // for '(' args ')' body | for '(' args ';' expr ';' args ')' body
  ExprPtr ParseLcFor() {
    const Token& start = Next();  // for
    Expect('(');
    std::vector<Argument> init = ParseArgumentItems();
    if (Accept(';')) {
      auto e = std::make_shared<LcForCExpr>(SpanOf(start));
      e->init = ArgumentsAsAssignments(std::move(init));
      e->condition = ParseExpr();
      Expect(';');
      std::vector<Argument> update = ParseArgumentListAndClose();
      e->update = ArgumentsAsAssignments(std::move(update));
      e->body = ParseElementOrExpr(true);
      e->span = SpanBetween(e->span);
      return e;
    }
    Expect(')');
    // As 2021.01: for (a = .., b = ..) becomes nested single loops, and
    // for () just its body.
    std::vector<Assignment> assignments = ArgumentsAsAssignments(std::move(init));
    ExprPtr body = ParseElementOrExpr(true);
    for (size_t i = assignments.size(); i-- > 0;) {
      auto e = std::make_shared<LcForExpr>(SpanOf(start));
      e->assignments.push_back(std::move(assignments[i]));
      e->body = std::move(body);
      e->span = SpanBetween(e->span);
      body = std::move(e);
    }
    return body;
  }

  TokenStream& ts_;
  std::string mainDisplay_;
  ParseResult& result_;
  std::string mainPath_, mainDir_, cwd_;
  size_t pos_ = 0;
  const Token* prev_ = nullptr;
  size_t nextMessage_ = 0;
  int depth_ = 0;
  BodyBuilder* topLevel_ = nullptr;
};

ParseResult ParseText(const std::string& text, const std::string& mainPath,
                      const std::string& mainDir, const std::string& displayName,
                      const ParseOptions& options) {
  ParseResult result;
  TokenStream ts = Tokenize(text, mainPath, mainDir, options);
  Parser parser(ts, displayName, result);
  try {
    std::shared_ptr<File> file = parser.ParseInput();
    AddCustomizerAnnotations(*file, mainPath, text + "\n\x03\n");
    result.file = std::move(file);
  } catch (const SyntaxErrorThrown&) {
    result.file = nullptr;
    result.echoLines.push_back("Can't parse file '" + displayName + "'!");
    result.echoLines.push_back("");
  }
  return result;
}

}  // namespace

ParseResult ParseFile(const std::string& path, const ParseOptions& options) {
  std::string normalized = NormalizePath(path);
  std::string text;
  if (!ReadWholeFile(normalized, text, size_t(1) << 30)) {
    ParseResult result;
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = "Can't open input file '" + path + "'!";
    d.location = {path, 0, 0};
    result.diagnostics.push_back(d);
    result.echoLines.push_back(d.message);
    return result;
  }
  return ParseText(text, normalized, DirectoryOf(normalized), path, options);
}

ParseResult ParseSource(const std::string& text, const std::string& name,
                        const std::string& dir, const ParseOptions& options) {
  std::string mainPath;
  if (!name.empty()) mainPath = NormalizePath((std::filesystem::path(dir) / name).generic_string());
  std::string mainDir = dir.empty() ? DirectoryOf(mainPath) : NormalizePath(dir);
  return ParseText(text, mainPath, mainDir, name, options);
}

}  // namespace mos::lang
