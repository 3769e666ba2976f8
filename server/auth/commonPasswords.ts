/**
 * A breached-password-style blocklist: the most used passwords in public breach corpora
 * (global and Chinese-language sites), and the base words people decorate with digits.
 * Short ones are kept too: "password" + "2024!" is refused because its core is listed.
 */
export const COMMON_PASSWORDS: readonly string[] = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer
zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie
robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper
1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua
cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas
austin thunder taylor matrix william corvette hello martin heather secret merlin diamond 1234qwer
gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter
orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky
snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers
yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior
hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby
0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver
redsox player nikita knight fender barney midnight please brandy chicago badboy slayer rangers
charles angel flower bigdaddy rabbit wizard jasper enter rachel chris steven winner adidas victoria
natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323
raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 panther lauren
angela thx1138 angels madison winston shannon mike toyota jordan23 canada sophie apples tiger
razz123 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david
danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter
carlos password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork
rainbow nathan john 1992 rocket viking redskins asdfghjkl 1212 sierra peaches gemini doctor wilson
sandra helpme qwertyui victor florida dolphin pookie captain tucker blue liverpool theman bandit
dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy
suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain 444444
xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead alex bond007
alexis 1111111 samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112 jason
calvin freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd
trouble gunner happy gordon legend jessie stella qwert eminem arthur apple nissan bullshit bear
america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack
asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls kitten golf copper
braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn
animal platinum phantom online xavier darkness blink182 power fish green 789456123 voyager police
travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007 walter playboy blazer cricket
sniper hooters donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams tits
nintendo digital destiny topgun runner marvin guinness chance bubbles testing fire november minecraft
asdf1234 lasvegas sergey broncos cartman private celtic birdie little cassie babygirl donald
beatles 1313 dickhead family 12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer
beer nelson flyers spencer scott lovely gibson doggie cherry andrey snickers buffalo pantera metallica
member carter qwertyu peter alexande steve bronco paradise goober 5555 samuel montana mexico dreams
michigan cock carolina friends magnum surfer maximus genius cool vampire lacrosse asd123 aaaa christin
kimberly speedy sharon carmen 111222 kristina sammy racing ou812 sabrina horses 0987654321 qwerty1
pimpin baby stalker enigma 147147 star poohbear boobies 147258 simple bollocks 12345q marcus brian
1987 qweasdzxc drowssap hahaha caroline barbara dave viper drummer action einstein bitches genesis
hello1 scotty friend forest 010203 hotrod google vanessa spitfire badger maryjane friday alaska 1232323q
tester jester jake champion billy 147852 rock hawaii badass chevy 420420 walker stephen eagle1 bill
1986 october gregory svetlana pamela 1984 music shorty westside stanley diesel courtney 242424 kevin
porno hitman boobs mark 12345qwert reddog frank qwe123 popcorn patricia aaaaaaaa 1969 teresa mozart
buddha anderson paul melanie abcdefg security lucky1 lizard denise 3333 a12345 123789 ruslan stargate
simpsons scarface eagle 123456789a thumper olivia naruto 1234554321 general cherokee a123456 vincent
woaini 5201314 1314520 woaini1314 aa123456 qq123456 wang123 zhang123 li123456 88888888 66666666
168168 521521 7758521 asd123456 abc123456 123456aa 5211314 iloveyou1314 woaini520 qq5201314
zxc123 111qqq 1qaz2wsx3edc wocaonima caonima nihao123 huang123 chen123 liu123 yang123 zhao123
wu123456 zhou123 xiaoming admin admin123 administrator root toor changeme default guest qwerty12345
welcome1 letmein123 password123 password1234 passw0rd123 p@ssw0rd p@ssword iloveyou123 sunshine123
monkey123 dragon123 football123 baseball123 master123 shadow123 qazwsx123 zaq12wsx zaq1xsw2
`
  .split(/\s+/)
  .filter(Boolean);

const BLOCKED = new Set(COMMON_PASSWORDS);

/**
 * True when the password is a common one, or a common word dressed up with digits and
 * symbols ("Password2024!"), one repeated character, or a run of consecutive digits.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (BLOCKED.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 3 && BLOCKED.has(core)) return true;
  if (/^(.)\1*$/.test(password)) return true;
  if (/^\d+$/.test(password) && '01234567890123456789'.includes(password)) return true;
  if (/^\d+$/.test(password) && '98765432109876543210'.includes(password)) return true;
  return false;
}
