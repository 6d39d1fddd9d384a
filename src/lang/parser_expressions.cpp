// Expression rules of the 2021.01 grammar: expr (function literals, let,
// assert, echo, ternary), binary operators by precedence climbing, unary,
// exponent, calls/index/member, primaries, vectors, ranges and list
// comprehensions (with 2021.01's rules on where their elements may stand).
#include <iterator>

#include "lang/parser_impl.h"

namespace mos::lang::detail {

bool Parser::StartsExpr(const Token& t) {
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

ExprPtr Parser::ParseExpr() {
  DepthGuard guard(*this);
  const Token& start = Peek();
  switch (start.kind) {
    case TokenKind::Function: {
      Next();
      auto e = Make<FunctionLiteralExpr>(SpanOf(start));
      e->parameters = ParseParameters();
      e->body = ParseExpr();
      e->span = SpanBetween(e->span);
      return e;
    }
    case TokenKind::Let: {
      Next();
      auto e = Make<LetExpr>(ExprKind::Let, SpanOf(start));
      e->assignments = ArgumentsAsAssignments(ParseArguments());
      e->body = ParseExpr();
      e->span = SpanBetween(e->span);
      return e;
    }
    case TokenKind::Assert:
    case TokenKind::Echo: {
      Next();
      auto e = Make<AssertOrEchoExpr>(
          start.kind == TokenKind::Assert ? ExprKind::Assert : ExprKind::Echo, SpanOf(start));
      e->arguments = ParseArguments();
      if (StartsExpr(Peek())) e->body = ParseExpr();
      e->span = SpanBetween(e->span);
      return e;
    }
    default:
      // Most vector elements and arguments: the precedence chain below
      // would return ParsePrimary's node as it is.
      if (LonePrimaryAhead()) return ParsePrimary();
      break;
  }
  ExprPtr cond = ParseBinary(1);
  if (!IsPunct('?')) return cond;
  Next();
  auto e = Make<TernaryExpr>(cond->span);
  e->condition = std::move(cond);
  e->ifTrue = ParseExpr();
  Expect(':');
  e->ifFalse = ParseExpr();
  e->span = SpanBetween(e->span);
  return e;
}

bool Parser::BinaryOperator(const Token& t, int& precedence, BinaryOp& op) {
  switch (t.kind) {
    case TokenKind::Or: precedence = 1; op = BinaryOp::Or; return true;
    case TokenKind::And: precedence = 2; op = BinaryOp::And; return true;
    case TokenKind::Equal: precedence = 3; op = BinaryOp::Equal; return true;
    case TokenKind::NotEqual: precedence = 3; op = BinaryOp::NotEqual; return true;
    case TokenKind::LessEqual: precedence = 4; op = BinaryOp::LessEqual; return true;
    case TokenKind::GreaterEqual: precedence = 4; op = BinaryOp::GreaterEqual; return true;
    case TokenKind::Punct:
      switch (t.ch) {
        case '<': precedence = 4; op = BinaryOp::Less; return true;
        case '>': precedence = 4; op = BinaryOp::Greater; return true;
        case '+': precedence = 5; op = BinaryOp::Add; return true;
        case '-': precedence = 5; op = BinaryOp::Subtract; return true;
        case '*': precedence = 6; op = BinaryOp::Multiply; return true;
        case '/': precedence = 6; op = BinaryOp::Divide; return true;
        case '%': precedence = 6; op = BinaryOp::Modulo; return true;
        default: return false;
      }
    default:
      return false;
  }
}

ExprPtr Parser::MakeBinary(BinaryOp op, ExprPtr l, ExprPtr r) {
  SourceSpan s = l->span;
  s.endLine = r->span.endLine;
  s.endColumn = r->span.endColumn;
  return Make<BinaryExpr>(std::move(s), op, std::move(l), std::move(r));
}

ExprPtr Parser::ParseBinary(int minPrecedence) {
  ExprPtr left = ParseUnary();
  int chained = 0;
  int precedence;
  BinaryOp op;
  while (BinaryOperator(Peek(), precedence, op) && precedence >= minPrecedence) {
    Next();
    ++chained;
    if (++depth_ > maxDepth_) {
      depth_ -= chained;
      DepthError();
    }
    ExprPtr right = ParseBinary(precedence + 1);
    left = MakeBinary(op, std::move(left), std::move(right));
  }
  depth_ -= chained;
  return left;
}

ExprPtr Parser::ParseUnary() {
  const Token& t = Peek();
  if (t.kind == TokenKind::Punct && t.ch == '+') {
    // 2021.01 drops unary plus while parsing (`+"a"` is "a").
    DepthGuard guard(*this);
    Next();
    return ParseUnary();
  }
  if (t.kind == TokenKind::Punct && (t.ch == '-' || t.ch == '!')) {
    DepthGuard guard(*this);
    Next();
    UnaryOp op = t.ch == '-' ? UnaryOp::Negate : t.ch == '+' ? UnaryOp::Plus : UnaryOp::Not;
    SourceSpan s = SpanOf(t);
    ExprPtr operand = ParseUnary();
    s.endLine = operand->span.endLine;
    s.endColumn = operand->span.endColumn;
    return Make<UnaryExpr>(std::move(s), op, std::move(operand));
  }
  // exponent: call | call '^' unary   (right-associative, binds tighter
  // than unary minus on its left: -2^2 == -4)
  ExprPtr base = ParseCall();
  if (!IsPunct('^')) return base;
  Next();
  ExprPtr exponent = ParseUnary();
  return MakeBinary(BinaryOp::Power, std::move(base), std::move(exponent));
}

ExprPtr Parser::ParseCall() {
  ExprPtr e = ParsePrimary();
  int chained = 0;
  while (true) {
    const Token& t = Peek();
    if (t.kind != TokenKind::Punct || (t.ch != '(' && t.ch != '[' && t.ch != '.')) break;
    if (++depth_ > maxDepth_) {
      depth_ -= chained;
      ++chained;
      DepthError();
    }
    ++chained;
    if (t.ch == '(') {
      auto call = Make<CallExpr>(e->span);
      call->callee = std::move(e);
      call->arguments = ParseArguments();
      call->span = SpanBetween(call->span);
      e = std::move(call);
    } else if (t.ch == '[') {
      Next();
      auto index = Make<IndexExpr>(e->span);
      index->object = std::move(e);
      index->index = ParseExpr();
      Expect(']');
      index->span = SpanBetween(index->span);
      e = std::move(index);
    } else {
      Next();
      auto member = Make<MemberExpr>(e->span);
      member->object = std::move(e);
      member->member = Expect(TokenKind::Identifier).text;
      member->span = SpanBetween(member->span);
      e = std::move(member);
    }
  }
  depth_ -= chained;
  return e;
}

ExprPtr Parser::ParsePrimary() {
  const Token& t = Peek();
  switch (t.kind) {
    case TokenKind::True:
    case TokenKind::False: {
      Next();
      auto e = Make<LiteralExpr>(SpanOf(t));
      e->type = LiteralExpr::Type::Bool;
      e->boolValue = t.kind == TokenKind::True;
      return e;
    }
    case TokenKind::Undef: {
      Next();
      return Make<LiteralExpr>(SpanOf(t));
    }
    case TokenKind::Number: {
      Next();
      auto e = Make<LiteralExpr>(SpanOf(t));
      e->type = LiteralExpr::Type::Number;
      e->number = t.number;
      return e;
    }
    case TokenKind::String: {
      Next();
      auto e = Make<LiteralExpr>(SpanOf(t));
      e->type = LiteralExpr::Type::String;
      e->string = t.text;
      return e;
    }
    case TokenKind::Identifier: {
      Next();
      return Make<IdentifierExpr>(SpanOf(t), t.text);
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

ExprPtr Parser::ParseVectorOrRange() {
  const Token& start = Next();  // '['
  auto vec = Make<VectorExpr>(SpanOf(start));
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
  if (!lastElementWasLc_ && IsPunct(':')) {
    Next();
    auto range = Make<RangeExpr>(SpanOf(start));
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
  // The elements gather on a stack shared by all nesting levels and move
  // into the node at once (one allocation of the right size).
  const size_t base = elementStack_.size();
  elementStack_.push_back(std::move(first));
  while (Accept(',')) {
    while (Accept(',')) {
    }
    if (IsPunct(']')) break;
    if (depth_ + 2 <= maxDepth_ && LonePrimaryAhead()) {
      // ParseElementOrExpr's own shortcut, without its frame (it would
      // take one depth unit and need one more to take the shortcut).
      elementStack_.push_back(ParsePrimary());
      lastElementWasLc_ = false;
    } else {
      elementStack_.push_back(ParseElementOrExpr(true));
    }
  }
  Expect(']');
  vec->elements.assign(std::make_move_iterator(elementStack_.begin() + static_cast<ptrdiff_t>(base)),
                       std::make_move_iterator(elementStack_.end()));
  elementStack_.resize(base);
  vec->span = SpanFrom(start);
  return vec;
}

bool Parser::OpensLcParen(size_t ahead) {
  size_t i = Pos() + ahead + 1;
  size_t limit = Pos() + ahead + 100000;
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

ExprPtr Parser::ParseElementOrExpr(bool allowParen) {
  DepthGuard guard(*this);
  const Token& t = Peek();
  ExprPtr e;
  bool isLc = true;  // decided by syntax: `for () x` is an element even though it yields x
  switch (t.kind) {
    case TokenKind::For:
      e = ParseLcFor();
      break;
    case TokenKind::Each: {
      Next();
      auto each = Make<LcEachExpr>(SpanOf(t));
      each->body = ParseElementOrExpr(true);
      each->span = SpanBetween(each->span);
      e = std::move(each);
      break;
    }
    case TokenKind::If: {
      Next();
      auto lcIf = Make<LcIfExpr>(SpanOf(t));
      Expect('(');
      lcIf->condition = ParseExpr();
      Expect(')');
      lcIf->ifTrue = ParseElementOrExpr(true);
      if (Peek().kind == TokenKind::Else) {
        Next();
        lcIf->ifFalse = ParseElementOrExpr(true);
      }
      lcIf->span = SpanBetween(lcIf->span);
      e = std::move(lcIf);
      break;
    }
    case TokenKind::Let:
      e = ParseLetElementOrExpr();
      isLc = lastElementWasLc_;
      break;
    default:
      if (allowParen && t.kind == TokenKind::Punct && t.ch == '(' && OpensLcParen(0)) {
        e = ParseLcParen();
      } else if (depth_ < maxDepth_ && LonePrimaryAhead()) {
        // What ParseExpr would return, without its frame (and its depth
        // unit, hence the check: ParseExpr would fail beyond the limit).
        e = ParsePrimary();
        isLc = false;
      } else {
        e = ParseExpr();
        isLc = false;
      }
      break;
  }
  lastElementWasLc_ = isLc;
  return e;
}

ExprPtr Parser::ParseLcParen() {
  Next();  // '('
  ExprPtr e = ParseElementOrExpr(false);
  if (!lastElementWasLc_) SyntaxError();
  Expect(')');
  lastElementWasLc_ = true;
  return e;
}

ExprPtr Parser::ParseLetElementOrExpr() {
  const Token& start = Next();  // let
  std::vector<Assignment> assignments = ArgumentsAsAssignments(ParseArguments());
  const Token& t = Peek();
  ExprPtr body;
  bool lc = false;
  if (t.kind == TokenKind::For || t.kind == TokenKind::Each || t.kind == TokenKind::If ||
      t.kind == TokenKind::Let) {
    body = ParseElementOrExpr(false);
    lc = lastElementWasLc_;
  } else if (t.kind == TokenKind::Punct && t.ch == '(' && OpensLcParen(0)) {
    body = ParseLcParen();
    lc = true;
  } else {
    body = ParseExpr();
  }
  auto e = Make<LetExpr>(lc ? ExprKind::LcLet : ExprKind::Let, SpanOf(start));
  e->assignments = std::move(assignments);
  e->body = std::move(body);
  e->span = SpanBetween(e->span);
  lastElementWasLc_ = lc;
  return e;
}

ExprPtr Parser::ParseLcFor() {
  const Token& start = Next();  // for
  Expect('(');
  std::vector<Argument> init = ParseArgumentItems();
  if (Accept(';')) {
    auto e = Make<LcForCExpr>(SpanOf(start));
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
    auto e = Make<LcForExpr>(SpanOf(start));
    e->assignments.push_back(std::move(assignments[i]));
    e->body = std::move(body);
    e->span = SpanBetween(e->span);
    body = std::move(e);
  }
  return body;
}

}  // namespace mos::lang::detail
