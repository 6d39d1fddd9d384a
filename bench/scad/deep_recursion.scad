// Deep non-tail recursion, repeated: call overhead and scope creation.
function sum(n) = n == 0 ? 0 : n + sum(n - 1);
function fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2);
// Tail recursion (2021.01 eliminates it): a long loop in function form.
function count(n, acc = 0) = n == 0 ? acc : count(n - 1, acc + 1);
echo([for (i = [0:150]) sum(1500 + i)][150]);
echo(fib(21));
echo(count(300000));
