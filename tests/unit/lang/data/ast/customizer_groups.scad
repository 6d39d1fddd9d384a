/* [First] */
a1 = 1; // [0:100]
a2 = 2; // [0:5:100]
a3 = "x"; // [foo, bar, baz]
a4 = 3; // [1:one, 2:two]
a5 = 4; // 10
a6 = 5; // hello world
a7 = 6; /* block */
a8 = 7; //[0.5:-1:1e3]
  // line desc   
a9 = 8; // "str"
/* [Hidden] */
// d1
// d2
b1 = true; // x // y
b2 = [1, [2, 3]];
b3 = -[1];
b4 = +1;
b5 = 1 + 2;
b6 = [1:2];
b7 = undef;
b8 = [a1];
b9 = -1.5; //   [ 1 , 2 ]  
c1 = "a//b"; // after
{ }
c2 = 3;
