using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.BuildingBlocks.Infrastructure.Security;

/// <summary>The 256-bit key that encrypts the key ring's keys (AES-GCM), from <c>Billing:DataProtection:MasterKey</c>.</summary>
internal sealed class MasterKey
{
    private readonly byte[] _key;

    private MasterKey(byte[] key) => _key = key;

    /// <summary>A short fingerprint stored beside each encrypted key, so a wrong master key is named as such.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(_key))[..16];

    public static MasterKey? From(IConfiguration configuration)
    {
        if (configuration[BillingDataProtection.MasterKeySetting] is not { Length: > 0 } text)
        {
            return null;
        }

        var bytes = new byte[32];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != 32)
        {
            throw new InvalidOperationException($"{BillingDataProtection.MasterKeySetting} must be 32 bytes in base64 (openssl rand -base64 32).");
        }

        return new MasterKey(bytes);
    }

    public XElement Encrypt(XElement plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var data = System.Text.Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var cipher = new byte[data.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_key, tag.Length))
        {
            aes.Encrypt(nonce, data, cipher, tag);
        }

        return new XElement(
            "encryptedKey",
            new XAttribute("masterKey", Fingerprint),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
    }

    public XElement Decrypt(XElement encrypted)
    {
        if ((string?)encrypted.Attribute("masterKey") != Fingerprint)
        {
            throw new CryptographicException($"This key ring was encrypted with another master key than the one in {BillingDataProtection.MasterKeySetting}.");
        }

        var cipher = Convert.FromBase64String(encrypted.Value);
        var data = new byte[cipher.Length];
        var tag = Convert.FromBase64String((string)encrypted.Attribute("tag")!);
        using (var aes = new AesGcm(_key, tag.Length))
        {
            aes.Decrypt(Convert.FromBase64String((string)encrypted.Attribute("nonce")!), cipher, tag, data);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(data));
    }
}

/// <summary>Encrypts each new key of the ring with the master key.</summary>
internal sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(masterKey.Encrypt(plaintextElement), typeof(MasterKeyXmlDecryptor));
}

/// <summary>
/// Named by type in each encrypted key and made by Data Protection with the host's services, so it
/// reads the master key from configuration when a key is first used.
/// </summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        (MasterKey.From(services.GetRequiredService<IConfiguration>())
            ?? throw new CryptographicException($"The key ring is encrypted; set {BillingDataProtection.MasterKeySetting} to the master key it was made with."))
        .Decrypt(encryptedElement);
}
