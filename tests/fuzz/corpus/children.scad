children(); echo($children, parent_module(0), $parent_modules);
module m() { children([0:1e9]); }
m() cube();
