circle(10, $fn=13);
