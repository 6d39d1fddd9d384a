// The XML wrapper over rapidxml (errors, depth guard, prefixes) and the ZIP
// reader with stb's inflate (real deflate data, truncation, size lies).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "importer/xml_document.h"
#include "importer/zip_archive.h"
#include "zip_test_writer.h"

namespace mos::importer {
namespace {

using testing::MakeZip;

TEST(XmlDocument, ReadsElementsAttributesAndText) {
  XmlDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse("<?xml version=\"1.0\"?><!-- c --><svg:svg a=\"1 &amp; 2\"><b>t</b><c/></svg:svg>",
                        error))
      << error;
  const XmlNode* root = doc.Root();
  EXPECT_EQ(XmlLocalName(*root), "svg");
  EXPECT_EQ(XmlAttribute(*root, "a"), "1 & 2");
  ASSERT_EQ(XmlChildren(*root).size(), 2u);
  EXPECT_EQ(XmlText(*XmlChild(*root, "b")), "t");
  EXPECT_EQ(XmlChild(*root, "d"), nullptr);
}

TEST(XmlDocument, BrokenXmlIsAnError) {
  XmlDocument doc;
  std::string error;
  EXPECT_FALSE(doc.Parse("<a><b></a>", error));
  EXPECT_EQ(error.rfind("XML error: ", 0), 0u);
  EXPECT_FALSE(doc.Parse("", error));
  EXPECT_FALSE(doc.Parse("<a x=\"1></a>", error));
}

TEST(XmlDocument, DeepNestingIsRefusedBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  XmlDocument doc;
  std::string error;
  EXPECT_FALSE(doc.Parse(deep, error));
  EXPECT_NE(error.find("nested deeper"), std::string::npos);
  // Closing tags and self-closing elements keep the depth low.
  std::string flat = "<r>";
  for (int i = 0; i < 10000; ++i) flat += "<a><b/></a>";
  EXPECT_TRUE(doc.Parse(flat + "</r>", error)) << error;
}

TEST(ZipArchive, StoredAndDeflatedEntries) {
  // zlib's raw deflate of the text below (fixed Huffman codes, back references).
  const unsigned char packed[] = {0x4b, 0x4c, 0x4a, 0x4e, 0xc4, 0x40, 0x0a, 0x19,
                                  0xa9, 0x39, 0x39, 0xf9, 0xc8, 0x24, 0x00};
  const std::string text = "abcabcabcabcabcabcabc hello hello hello";
  std::string zip = MakeZip({{"a.txt", "stored!", 0, 0},
                             {"b.txt", std::string(reinterpret_cast<const char*>(packed), sizeof packed),
                              8, static_cast<uint32_t>(text.size())},
                             testing::Deflated("c.txt", std::string(70000, 'x'))});
  ASSERT_TRUE(LooksLikeZip(zip));
  std::vector<ZipEntry> entries;
  std::string error, out;
  ASSERT_TRUE(ReadZipDirectory(zip, entries, error)) << error;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].name, "b.txt");
  ASSERT_TRUE(ExtractZipEntry(zip, entries[0], 1 << 20, out, error)) << error;
  EXPECT_EQ(out, "stored!");
  ASSERT_TRUE(ExtractZipEntry(zip, entries[1], 1 << 20, out, error)) << error;
  EXPECT_EQ(out, text);
  ASSERT_TRUE(ExtractZipEntry(zip, entries[2], 1 << 20, out, error)) << error;
  EXPECT_EQ(out, std::string(70000, 'x'));
  // The caller's bound.
  EXPECT_FALSE(ExtractZipEntry(zip, entries[2], 1000, out, error));
}

TEST(ZipArchive, LiesAndTruncationAreErrors) {
  std::string zip = MakeZip({testing::Deflated("c.txt", "hello")});
  std::vector<ZipEntry> entries;
  std::string error, out;
  ASSERT_TRUE(ReadZipDirectory(zip, entries, error));
  ZipEntry e = entries[0];
  e.size = 4;  // the stream inflates to more than the directory says
  EXPECT_FALSE(ExtractZipEntry(zip, e, 1 << 20, out, error));
  e.size = 2000000;  // more than deflate can make of 10 bytes: refused before allocating
  EXPECT_FALSE(ExtractZipEntry(zip, e, 1ULL << 40, out, error));
  EXPECT_NE(error.find("impossible size"), std::string::npos);
  e = entries[0];
  e.compressedSize = 1 << 30;
  EXPECT_FALSE(ExtractZipEntry(zip, e, 1 << 20, out, error));
  for (size_t cut : {size_t(0), size_t(10), zip.size() - 30, zip.size() - 1}) {
    std::string part = zip.substr(0, cut);
    bool read = ReadZipDirectory(part, entries, error);
    if (read)
      for (const ZipEntry& x : entries) ExtractZipEntry(part, x, 1 << 20, out, error);
    EXPECT_FALSE(read && out == "hello") << cut;
  }
  std::string corrupt = zip;
  corrupt[30 + 5] = '\x07';  // the stored block's header becomes a reserved block type
  ASSERT_TRUE(ReadZipDirectory(corrupt, entries, error));
  EXPECT_FALSE(ExtractZipEntry(corrupt, entries[0], 1 << 20, out, error));
}

}  // namespace
}  // namespace mos::importer
