/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-search.h: the one rule a search compares words by, on either backend: a letter's
 * accents dropped and its case lowered ("Chloé" is found by "chloe", "ŴYN" by "wyn"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text folded by the rule, character by character (QUORUM_SEARCH_FOLD_FROM / _TO); a
 * character the map does not name stays as it is. NULL gives NULL. */
char *quorum_search_fold (const char *text);

/* The rule as a character map, for SQL's translate () (PostgreSQL; SQLite calls
 * quorum_search_fold () through its driver): each character of _FROM becomes the one at the
 * same place in _TO. Letters only: no quote or backslash. Made by build-aux/gen-search-fold.py
 * (Latin, Greek and Cyrillic letters; æ, ø, ł and ß have no accent to drop and stay). */
#define QUORUM_SEARCH_FOLD_FROM \
  "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍ" \
  "ÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúû" \
  "üýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥ" \
  "ĦĨĩĪīĬĭĮįİĲĴĵĶķĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖ" \
  "ŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƁ" \
  "ƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧƩƬƮƯưƱƲƳƵƷƸƼǄǅǇ" \
  "ǈǊǋǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǤǦǧǨǩǪǫǬǭǮǯǰǱǲǴ" \
  "ǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜ" \
  "ȞȟȠȢȤȦȧȨȩȪȫȬȭȮȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎͰͲʹͶͿΆΈΉ" \
  "ΊΌΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫάέήίΰϊϋόύ" \
  "ώϏϓϔϘϚϜϞϠϢϤϦϨϪϬϮϴϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏА" \
  "БВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯйѐёѓїќѝўѠ" \
  "ѢѤѦѨѪѬѮѰѲѴѶѷѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶ" \
  "ҸҺҼҾӀӁӂӃӅӇӉӋӍӐӑӒӓӔӖӗӘӚӛӜӝӞӟӠӢӣӤӥӦӧӨӪӫӬӭӮ" \
  "ӯӰӱӲӳӴӵӶӸӹӺӼӾԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦԨԪԬԮḀḁḂ" \
  "ḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪ" \
  "ḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒ" \
  "ṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺ" \
  "ṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẞẠạẢảẤấẦ" \
  "ầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎ" \
  "ỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶ" \
  "ỷỸỹỺỼỾἀἁἂἃἄἅἆἇἈἉἊἋἌἍἎἏἐἑἒἓἔἕἘἙἚἛἜἝἠἡἢἣἤἥ" \
  "ἦἧἨἩἪἫἬἭἮἯἰἱἲἳἴἵἶἷἸἹἺἻἼἽἾἿὀὁὂὃὄὅὈὉὊὋὌὍὐὑ" \
  "ὒὓὔὕὖὗὙὛὝὟὠὡὢὣὤὥὦὧὨὩὪὫὬὭὮὯὰάὲέὴήὶίὸόὺύὼώ" \
  "ᾀᾁᾂᾃᾄᾅᾆᾇᾈᾉᾊᾋᾌᾍᾎᾏᾐᾑᾒᾓᾔᾕᾖᾗᾘᾙᾚᾛᾜᾝᾞᾟᾠᾡᾢᾣᾤᾥᾦᾧ" \
  "ᾨᾩᾪᾫᾬᾭᾮᾯᾰᾱᾲᾳᾴᾶᾷᾸᾹᾺΆᾼιῂῃῄῆῇῈΈῊΉῌῐῑῒΐῖῗῘῙῚ" \
  "ΊῠῡῢΰῤῥῦῧῨῩῪΎῬῲῳῴῶῷῸΌῺΏῼ"
#define QUORUM_SEARCH_FOLD_TO \
  "abcdefghijklmnopqrstuvwxyzaaaaaaæceeeeii" \
  "iiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuu" \
  "uyyaaaaaaccccccccddđeeeeeeeeeegggggggghh" \
  "ħiiiiiiiiiĳjjkkllllllŀłnnnnnnŋooooooœrrr" \
  "rrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzzɓ" \
  "ƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵooƣƥʀƨʃƭʈuuʊʋƴƶʒƹƽǆǆǉ" \
  "ǉǌǌaaiioouuuuuuuuuuaaaaææǥggkkooooʒʒjǳǳg" \
  "gƕƿnnaaææøøaaaaeeeeiiiioooorrrruuuussttȝ" \
  "hhƞȣȥaaeeooooooooyyⱥȼƚⱦɂƀʉʌɇɉɋɍɏͱͳʹͷϳαεη" \
  "ιουωιαβγδεζηθικλμνξοπρστυφχψωιυαεηιυιυου" \
  "ωϗϒϒϙϛϝϟϡϣϥϧϩϫϭϯθϸϲϻͻͼͽееђгєѕііјљњћкиуџа" \
  "бвгдежзииклмнопрстуфхцчшщъыьэюяиеегікиуѡ" \
  "ѣѥѧѩѫѭѯѱѳѵѵѵѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷ" \
  "ҹһҽҿӏжжӄӆӈӊӌӎааааӕееәәәжжззӡииииооөөөээу" \
  "уууууччӷыыӻӽӿԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧԩԫԭԯaab" \
  "bbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhh" \
  "hiiiikkkkkkllllllllmmmmmmnnnnnnnnooooooo" \
  "opppprrrrrrrrssssssssssttttttttuuuuuuuuu" \
  "uvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyſßaaaaaaa" \
  "aaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiiooo" \
  "ooooooooooooooooooooouuuuuuuuuuuuuuyyyyy" \
  "yyyỻỽỿααααααααααααααααεεεεεεεεεεεεηηηηηη" \
  "ηηηηηηηηηηιιιιιιιιιιιιιιιιοοοοοοοοοοοουυ" \
  "υυυυυυυυυυωωωωωωωωωωωωωωωωααεεηηιιοουυωω" \
  "ααααααααααααααααηηηηηηηηηηηηηηηηωωωωωωωω" \
  "ωωωωωωωωααααααααααααιηηηηηεεηηηιιιιιιιιι" \
  "ιυυυυρρυυυυυυρωωωωωοοωωω"

G_END_DECLS
