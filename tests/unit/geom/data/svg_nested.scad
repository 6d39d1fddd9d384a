difference() { square(20); translate([5, 5]) square(10); }
translate([8, 8]) square(4);
translate([30, 0]) difference() {
  square(25);
  translate([5, 5]) square(3);
  translate([10, 12]) square(3);
}
translate([-10, 2]) polygon([[0, 0], [4, 1], [5, 4], [2, 6], [-1, 3]]);
