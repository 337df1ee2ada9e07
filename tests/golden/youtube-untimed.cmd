printf 'We planned the garden. The tomatoes need compost and water.\n\nThe engine needs new brakes. The clutch and the tyres are worn.\n' | $RECAP -f youtube
