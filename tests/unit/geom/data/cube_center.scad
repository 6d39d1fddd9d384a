cube([1,2,3], center=true);
